import { join } from 'node:path';
import { createSecretBox } from '../../../core/auth/secret-box';
import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import { createJobFileStore, type JobFileStore } from '../../../integrations/jobs/job-file-store';
import { createPostgresJobFileStore } from '../../../integrations/jobs/postgres-job-file-store';
import { readInstallationKey } from '../../../integrations/secrets/installation-key';
import type { ProbeDeps } from '../../../services/probes/probe-deps';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from '../report/report-session';

/**
 * Runs `work` as the CLI operator in the organisation of --org, with what probe use cases need and
 * the store of job files the server uses (DATA_DIR/jobs, or the database with EVIDENCE_STORE=postgres).
 */
export function inProbeOrganisation<T>(
  context: CliContext,
  reference: string | undefined,
  work: (deps: ProbeDeps & { readonly jobFiles: JobFileStore }, actor: Actor) => Promise<T>,
): Promise<T> {
  return inReportOrganisation(context, reference, (deps, actor) => {
    const config = context.config();
    const secretBox = createSecretBox(readInstallationKey({ configured: config.secretKey, dataDir: config.dataDir }));
    const jobFiles =
      config.fileStore === 'local'
        ? createJobFileStore(join(config.dataDir, 'jobs'))
        : createPostgresJobFileStore(deps.database.db);
    return work({ database: deps.database, clock: deps.clock, secretBox, jobFiles }, actor);
  });
}

/** "22,80, 443" → [22, 80, 443]; anything else is refused naming the option and the value. */
export function parsePorts(option: string, text: string): number[] {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const bad = parts.filter((part) => !/^\d{1,5}$/.test(part) || Number(part) < 1 || Number(part) > 65535);
  if (parts.length === 0 || bad.length > 0)
    throw new DomainError('VALIDATION_FAILED', `${option}: not a port number (1–65535): ${bad.join(', ') || text}`, [
      { field: option, value: bad.join(',') || text, reason: 'not a port number (1–65535)' },
    ]);
  return [...new Set(parts.map(Number))];
}

/** "ports,ssh" → the listed checks, each one of `allowed`. */
export function parseChecks<C extends string>(option: string, text: string, allowed: readonly C[]): C[] {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const bad = parts.filter((part) => !(allowed as readonly string[]).includes(part));
  if (parts.length === 0 || bad.length > 0)
    throw new DomainError('VALIDATION_FAILED', `${option}: unknown check(s) ${bad.join(', ')}.`, [
      { field: option, value: bad.join(','), reason: `one of ${allowed.join(', ')}` },
    ]);
  return [...new Set(parts as C[])];
}

/** "50" → 50; anything but a whole number is refused naming the option (bounds are the use case's). */
export function parseWholeNumber(option: string, text: string): number {
  if (!/^\d{1,9}$/.test(text.trim()))
    throw new DomainError('VALIDATION_FAILED', `${option}: not a whole number: ${text}`, [
      { field: option, value: text, reason: 'a whole number' },
    ]);
  return Number(text.trim());
}
