import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import type { Job } from '../../../core/jobs/job.types';
import { requireOrganisation } from '../../accounts/require-user';
import type { RequestContext } from '../../auth/account-deps';
import { enqueueJob } from '../../jobs/enqueue-job';
import type { JobDeps } from '../../jobs/job-deps';
import {
  discardSharedUpload,
  SHARED_UPLOAD_PARAM,
  SPOOLED_UPLOAD_PARAM,
  SPOOLED_UPLOAD_PREFIX,
} from '../../jobs/spooled-upload';
import type { AdvisorySourceChoice } from './advisory-reader';

/** The job kind that imports an uploaded advisory file, then matches the organisation. */
export const VULNERABILITY_IMPORT_JOB = 'vulnerability-import';

/**
 * Keeps an uploaded advisory file in the spool directory and queues the job that imports it for
 * the organisation (its own scope: other organisations never see it) and then runs its match.
 * With a shared store (EVIDENCE_STORE=postgres) the file streams there instead, so any server may
 * run the job.
 * The job removes the file once it has ended; cancelling it removes it too.
 * Needs vulnerabilities.import. A file cut at `maxBytes` → PAYLOAD_TOO_LARGE, nothing queued.
 */
export async function requestAdvisoryImport(
  deps: JobDeps & { readonly spoolDir: string; readonly maxBytes: number },
  input: {
    readonly actor: Actor;
    readonly file: {
      readonly content: AsyncIterable<Buffer> | NodeJS.ReadableStream;
      readonly fileName: string;
      readonly truncated: () => boolean;
    };
    /** Reads the form's source field (after the file part was consumed). */
    readonly readSource: () => Promise<AdvisorySourceChoice>;
    readonly context?: RequestContext;
  },
): Promise<Job> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.import', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not import advisories in this organisation.');
  const content = () => Readable.from(input.file.content as AsyncIterable<Buffer>);
  const tooLarge = () =>
    new DomainError('PAYLOAD_TOO_LARGE', `${input.file.fileName}: larger than the import limit.`, [
      {
        file: input.file.fileName,
        reason: `larger than ${deps.maxBytes} bytes`,
        code: 'file_too_large',
        params: { limit: deps.maxBytes },
      },
    ]);
  const queue = async (kept: Record<string, string>): Promise<Job> => {
    const source = await input.readSource();
    return enqueueJob(deps, {
      actor,
      organisationId,
      kind: VULNERABILITY_IMPORT_JOB,
      params: { ...kept, fileName: input.file.fileName, source },
      subject: { type: 'vulnerabilities', id: organisationId },
      auditAction: 'vulnerability.import_requested',
      ...(input.context ? { context: input.context } : {}),
    });
  };

  const shared = deps.sharedUploads;
  if (shared) {
    // Servers that share only the database: the upload streams straight into the shared store
    // (nothing on this server's disk), where whichever server claims the job reads it.
    const name = randomUUID();
    const kept = { [SHARED_UPLOAD_PARAM]: name };
    try {
      await shared.save(name, (destination) => pipeline(content(), destination));
      if (input.file.truncated()) throw tooLarge();
      return await queue(kept);
    } catch (error) {
      await discardSharedUpload(deps, kept);
      throw error;
    }
  }
  await mkdir(deps.spoolDir, { recursive: true });
  const path = join(deps.spoolDir, `${SPOOLED_UPLOAD_PREFIX}${randomUUID()}`);
  try {
    await pipeline(content(), createWriteStream(path));
    if (input.file.truncated()) throw tooLarge();
    return await queue({ [SPOOLED_UPLOAD_PARAM]: path });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
