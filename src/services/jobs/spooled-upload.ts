import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../core/domain-error';
import type { JobDeps } from './job-deps';

/**
 * The job parameter that names a spooled upload: a file a request left in the spool directory for
 * its queued job to read (an advisory upload). The job removes it when it runs; cancelling the job
 * before it runs removes it too.
 */
export const SPOOLED_UPLOAD_PARAM = 'spooledUpload';

/** How the files a queued job reads from the spool directory are named (`advisories-<uuid>`). */
export const SPOOLED_UPLOAD_PREFIX = 'advisories-';

/**
 * The spooled upload a job's params name, when it lies directly inside `spoolDir`; undefined
 * otherwise, so a cancel can never be led to remove a file elsewhere. Jobs queued before the
 * parameter had its own name kept the path under `path`.
 */
export function spooledUploadOf(params: Readonly<Record<string, unknown>>, spoolDir: string): string | undefined {
  const named = params[SPOOLED_UPLOAD_PARAM] ?? params['path'];
  if (typeof named !== 'string' || named === '') return undefined;
  const path = resolve(named);
  return dirname(path) === resolve(spoolDir) ? path : undefined;
}

/** Removes the spooled upload a job's params name (no error when there is none or it is already gone). */
export async function discardSpooledUpload(params: Readonly<Record<string, unknown>>, spoolDir: string): Promise<void> {
  const path = spooledUploadOf(params, spoolDir);
  if (path) await rm(path, { force: true });
}

/** The job parameter that names an upload kept in the shared store (`JobDeps.sharedUploads`). */
export const SHARED_UPLOAD_PARAM = 'sharedUpload';

/** A job's local copy of a shared upload, cleared at start-up like request spool files. */
const SHARED_COPY_PREFIX = 'shared-copy-';

/** The upload a job reads, as a local file, and how to let go of it. */
export interface JobUpload {
  readonly path: string;
  /** Removes the local file; `done` (the job will not run again) removes the shared copy too. */
  release(done: boolean): Promise<void>;
}

/**
 * The upload a job's params name, as a local file: a shared upload is copied into `spoolDir` first
 * (another server may have received it). CONFLICT when it is shared but this server has no shared
 * store, or when it is no longer kept (cancelled or already imported).
 */
export async function openJobUpload(
  deps: Pick<JobDeps, 'sharedUploads'> & { readonly spoolDir: string },
  params: Readonly<Record<string, unknown>>,
): Promise<JobUpload> {
  const shared = params[SHARED_UPLOAD_PARAM];
  if (typeof shared !== 'string') {
    // Jobs queued before the parameter had its own name kept the path under `path`.
    const path = String(params[SPOOLED_UPLOAD_PARAM] ?? params['path']);
    return { path, release: (done) => (done ? rm(path, { force: true }) : Promise.resolve()) };
  }
  const store = deps.sharedUploads;
  if (!store)
    throw new DomainError(
      'CONFLICT',
      'The upload is kept in the database file store, which this server does not use.',
      [{ field: 'EVIDENCE_STORE', reason: 'set EVIDENCE_STORE=postgres on every server' }],
    );
  const source = await store.open(shared);
  if (!source) throw new DomainError('CONFLICT', 'The uploaded file is no longer kept; upload it again.');
  await mkdir(deps.spoolDir, { recursive: true });
  const path = join(deps.spoolDir, `${SHARED_COPY_PREFIX}${randomUUID()}`);
  try {
    await pipeline(source, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return {
    path,
    release: async (done) => {
      await rm(path, { force: true });
      if (done) await store.remove(shared);
    },
  };
}

/** Removes the shared upload a job's params name, if any (a cancelled job's). */
export async function discardSharedUpload(
  deps: Pick<JobDeps, 'sharedUploads'>,
  params: Readonly<Record<string, unknown>>,
): Promise<void> {
  const shared = params[SHARED_UPLOAD_PARAM];
  if (typeof shared === 'string' && deps.sharedUploads) await deps.sharedUploads.remove(shared);
}
