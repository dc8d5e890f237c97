import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Actor } from '../../../core/auth/actor';
import { isUserActor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError, isDomainError, type ProblemDetail } from '../../../core/domain-error';
import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { INSTALLATION_SCOPE, findAdvisoryByKey } from '../../../db/vulnerabilities/advisory.repository';
import {
  clearImportCheckpoints,
  findImportCheckpoint,
  insertImportCheckpoint,
} from '../../../db/vulnerabilities/import-checkpoint.repository';
import type { RequestContext } from '../../auth/account-deps';
import { recordAudit } from '../../audit/record-audit';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import type { AdvisoryReader, AdvisorySourceChoice } from './advisory-reader';
import { advisoryContent, storeAdvisory } from './store-advisory';

/** Where imported advisories belong: the whole installation (CLI) or one organisation (an upload). */
export type AdvisoryImportScope =
  { readonly kind: 'installation' } | { readonly kind: 'organisation'; readonly organisationId: string };

export interface AdvisoryImportProgress {
  readonly file: string;
  readonly fileIndex: number;
  readonly files: number;
  readonly advisories: number;
  readonly phase: 'validate' | 'import';
}

export interface AdvisoryImportResult {
  readonly files: number;
  /** Files a restarted import had already finished (checkpoints), not read again. */
  readonly skippedFiles: number;
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly pendingTexts: number;
  readonly dryRun: boolean;
}

/** How many located problems one refusal carries at most (a broken feed can have millions). */
const MAX_PROBLEMS = 200;

/** Advisories withdrawn by their feed (NVD Rejected, OSV withdrawn) carry `withdrawn: true`. */
const isWithdrawn = (advisory: NormalisedAdvisory) => (advisory as { withdrawn?: unknown }).withdrawn === true;

function fingerprintOf(file: string): string {
  const stat = statSync(file);
  return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
}

/**
 * Imports advisory files. First every file is read and validated; if any is invalid the import
 * is refused (VALIDATION_FAILED with every located problem of every file) and nothing is written.
 * Then each file is stored in one transaction of its own (upsert by scope, source and tracking
 * id; unchanged content skipped; a new revision for every insert or change), audited in that
 * transaction and checkpointed, so a restarted import of the same files skips the finished ones.
 * `dryRun` validates and counts what would change, writing nothing.
 * Installation-wide imports need the CLI operator; an organisation's needs vulnerabilities.import.
 */
export async function importAdvisoryFiles(
  deps: VulnerabilityDeps & { readonly readAdvisories: AdvisoryReader },
  input: {
    readonly actor: Actor;
    readonly files: readonly string[];
    readonly source: AdvisorySourceChoice;
    readonly scope: AdvisoryImportScope;
    readonly dryRun?: boolean;
    readonly onProgress?: (progress: AdvisoryImportProgress) => void;
    readonly signal?: AbortSignal;
    readonly context?: RequestContext;
  },
): Promise<AdvisoryImportResult> {
  authorizeImport(input.actor, input.scope);
  const scopeKey = input.scope.kind === 'installation' ? INSTALLATION_SCOPE : input.scope.organisationId;
  const organisationId = input.scope.kind === 'installation' ? null : input.scope.organisationId;
  const files = input.files.map((file) => resolve(file));
  const runKey = createHash('sha256')
    .update(JSON.stringify({ scopeKey, source: input.source, files: [...files].sort() }))
    .digest('hex');
  const db = deps.database.db;

  const todo: string[] = [];
  for (const file of files) {
    const done = await findImportCheckpoint(db, runKey, file);
    if (!done || done.fingerprint !== fingerprintOf(file)) todo.push(file);
  }

  // Pass 1: read everything once; refuse before writing anything. A dry run also counts here.
  const problems: ProblemDetail[] = [];
  const counts = { read: 0, inserted: 0, updated: 0, unchanged: 0, pendingTexts: 0 };
  for (const [index, file] of todo.entries()) {
    input.signal?.throwIfAborted();
    let advisories = 0;
    try {
      for await (const advisory of deps.readAdvisories(file, { source: input.source })) {
        advisories += 1;
        if (input.dryRun) await countDryRun(deps, scopeKey, advisory, counts);
        if (advisories % 1000 === 0)
          input.onProgress?.({ file, fileIndex: index, files: todo.length, advisories, phase: 'validate' });
      }
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      const located = error.details.length > 0 ? error.details : [{ file, reason: error.message }];
      problems.push(...located.map((detail) => ({ file, ...detail })));
      if (problems.length >= MAX_PROBLEMS) break;
    }
  }
  if (problems.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      'Invalid advisory files: nothing was imported.',
      problems.slice(0, MAX_PROBLEMS),
    );
  const skippedFiles = files.length - todo.length;
  if (input.dryRun) return { files: files.length, skippedFiles, ...counts, dryRun: true };

  // Pass 2: one transaction per file, its audit entry and checkpoint inside it.
  for (const [index, file] of todo.entries()) {
    input.signal?.throwIfAborted();
    const at = deps.clock();
    await db.transaction().execute(async (transaction) => {
      const fileCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, pendingTexts: 0 };
      for await (const advisory of deps.readAdvisories(file, { source: input.source })) {
        fileCounts.read += 1;
        const outcome = await storeAdvisory(transaction, {
          advisory,
          scopeKey,
          organisationId,
          withdrawn: isWithdrawn(advisory),
          at: at.toISOString(),
        });
        fileCounts[outcome] += 1;
        if (outcome !== 'unchanged') fileCounts.pendingTexts += countUnparsed(advisory);
        if (fileCounts.read % 1000 === 0)
          input.onProgress?.({
            file,
            fileIndex: index,
            files: todo.length,
            advisories: fileCounts.read,
            phase: 'import',
          });
      }
      await recordAudit(transaction, input.actor, input.context, at, {
        organisationId,
        action: 'vulnerability.import',
        targetType: 'advisory_file',
        targetId: file.split(/[\\/]/).pop() ?? file,
        after: { source: input.source, scope: input.scope.kind, ...fileCounts },
      });
      await insertImportCheckpoint(transaction, {
        run_key: runKey,
        file,
        fingerprint: fingerprintOf(file),
        finished_at: at.toISOString(),
      });
      for (const key of ['read', 'inserted', 'updated', 'unchanged', 'pendingTexts'] as const)
        counts[key] += fileCounts[key];
    });
    input.onProgress?.({ file, fileIndex: index + 1, files: todo.length, advisories: 0, phase: 'import' });
  }
  await clearImportCheckpoints(db, runKey);
  return { files: files.length, skippedFiles, ...counts, dryRun: false };
}

function authorizeImport(actor: Actor, scope: AdvisoryImportScope): void {
  if (!isUserActor(actor)) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (scope.kind === 'installation') {
    if (actor.via !== 'cli')
      throw new DomainError('FORBIDDEN', 'Installation-wide feeds are imported on the server (CLI).');
    return;
  }
  if (!can(actor, 'vulnerabilities.import', { organisationId: scope.organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not import advisories in this organisation.');
}

function countUnparsed(advisory: NormalisedAdvisory): number {
  return advisory.rules.reduce(
    (sum, rule) =>
      sum +
      rule.groups.reduce((inGroup, group) => inGroup + group.filter((t) => t.versions.kind === 'unparsed').length, 0),
    0,
  );
}

async function countDryRun(
  deps: VulnerabilityDeps,
  scopeKey: string,
  advisory: NormalisedAdvisory,
  counts: { read: number; inserted: number; updated: number; unchanged: number; pendingTexts: number },
): Promise<void> {
  counts.read += 1;
  const existing = await findAdvisoryByKey(deps.database.db, {
    scopeKey,
    source: advisory.source,
    trackingId: advisory.trackingId,
  });
  if (!existing) counts.inserted += 1;
  else if (
    existing.content_hash === advisoryContent(advisory).hash &&
    Number(existing.withdrawn) === (isWithdrawn(advisory) ? 1 : 0)
  )
    counts.unchanged += 1;
  else counts.updated += 1;
  if (!existing || existing.content_hash !== advisoryContent(advisory).hash)
    counts.pendingTexts += countUnparsed(advisory);
}
