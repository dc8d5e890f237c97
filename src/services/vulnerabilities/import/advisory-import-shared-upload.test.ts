import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, expect, it } from 'vitest';
import { findJob } from '../../../db/jobs/job.repository';
import { createJobFileStore } from '../../../integrations/jobs/job-file-store';
import { createPostgresJobFileStore } from '../../../integrations/jobs/postgres-job-file-store';
import { queueAdvisoryUpload } from '../../../testing/queue-advisory-upload';
import { seedMember, seedOrganisation } from '../../../testing/test-accounts';
import { createTestClock } from '../../../testing/test-app';
import { describeEachDialect } from '../../../testing/test-database';
import { userActor } from '../../../testing/test-evidence';
import { cancelJob } from '../../jobs/cancel-job';
import type { JobDeps } from '../../jobs/job-deps';
import { runNextJob } from '../../jobs/run-next-job';
import { SHARED_UPLOAD_PARAM } from '../../jobs/spooled-upload';
import { vulnerabilityJobHandlers } from '../vulnerability-job-handlers';
import { requestAdvisoryImport } from './request-advisory-import';

const OSV = JSON.stringify({
  schema_version: '1.6.0',
  id: 'GHSA-shared-0001',
  modified: '2026-04-01T00:00:00Z',
  aliases: ['CVE-2026-8101'],
  summary: 'acme web prototype pollution',
  affected: [
    {
      package: { ecosystem: 'npm', name: '@acme/web' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.4.3' }] }],
    },
  ],
});

/**
 * Two servers that share only the database (EVIDENCE_STORE=postgres, each its own DATA_DIR): an
 * advisory upload received by one is imported by whichever claims its job (issue 16).
 */
describeEachDialect('an advisory upload kept in the shared store', (database) => {
  const clock = createTestClock();
  const spool = { a: '', b: '' };
  let base: JobDeps;
  let admin: ReturnType<typeof userActor>;
  let organisationId: string;

  beforeEach(async () => {
    spool.a = mkdtempSync(join(tmpdir(), 'iotcheck-spool-a-'));
    spool.b = mkdtempSync(join(tmpdir(), 'iotcheck-spool-b-'));
    base = {
      database: database(),
      clock,
      jobFiles: createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-jobs-'))),
      sharedUploads: createPostgresJobFileStore(database().db, 'upload'),
    };
    organisationId = await seedOrganisation(database(), 'Shared uploads');
    admin = userActor((await seedMember(database(), organisationId, 'admin')).userId, organisationId, 'admin');
  });

  /** Server A receives the upload: nothing stays in its own spool folder. */
  async function uploadThroughA(content = OSV) {
    const job = await queueAdvisoryUpload({ ...base, spoolDir: spool.a }, admin, content, 'osv.json');
    const name = job.params[SHARED_UPLOAD_PARAM];
    if (typeof name !== 'string') throw new Error('the job names no shared upload');
    expect(readdirSync(spool.a)).toEqual([]);
    return { job, name };
  }

  /** Server B claims and runs the next job with its own spool folder (and, unless told, the shared store). */
  async function runOnB(deps: JobDeps = base) {
    const handlers = vulnerabilityJobHandlers({ ...deps, spoolDir: spool.b });
    expect(await runNextJob(deps, { workerId: 'server-b', handlers, leaseMs: 60_000 })).toBe('ran');
  }

  it('is imported by another server, then removed from the store and from its spool folder', async () => {
    const { job, name } = await uploadThroughA();
    expect(await base.sharedUploads!.open(name)).toBeDefined();
    await runOnB();
    const ran = await findJob(database().db, organisationId, job.id);
    expect(ran).toMatchObject({ status: 'succeeded' });
    const advisory = await database()
      .db.selectFrom('advisory')
      .select(['organisation_id', 'tracking_id'])
      .where('tracking_id', '=', 'GHSA-shared-0001')
      .executeTakeFirst();
    expect(advisory).toEqual({ organisation_id: organisationId, tracking_id: 'GHSA-shared-0001' });
    expect(await base.sharedUploads!.open(name)).toBeUndefined();
    expect(readdirSync(spool.b)).toEqual([]);
  });

  it('keeps nothing of an upload cut at the size limit: no stored file, no job, nothing spooled', async () => {
    const count = async (table: 'stored_file' | 'job') =>
      (await database().db.selectFrom(table).select('id').execute()).length;
    const before = { files: await count('stored_file'), jobs: await count('job') };
    const refused = requestAdvisoryImport(
      { ...base, spoolDir: spool.a, maxBytes: 100 },
      {
        actor: admin,
        file: { content: Readable.from([Buffer.from(OSV)]), fileName: 'osv.json', truncated: () => true },
        readSource: async () => 'auto',
      },
    );
    await expect(refused).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect({ files: await count('stored_file'), jobs: await count('job') }).toEqual(before);
    expect(readdirSync(spool.a)).toEqual([]);
  });

  it('is removed when the queued job is cancelled through any server', async () => {
    const { job, name } = await uploadThroughA();
    await cancelJob({ ...base, spoolDir: spool.b }, { actor: admin, jobId: job.id });
    expect(await base.sharedUploads!.open(name)).toBeUndefined();
  });

  it('is removed after a refused file fails the job for good, with the located reason', async () => {
    const { job, name } = await uploadThroughA('{"schema_version":"1.6.0","id":""}');
    await runOnB();
    const failed = await findJob(database().db, organisationId, job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(await base.sharedUploads!.open(name)).toBeUndefined();
  });

  it('fails clearly on a server without the shared store, and keeps nothing in its spool folder', async () => {
    const { job } = await uploadThroughA();
    const { sharedUploads: _unused, ...local } = base;
    await runOnB(local);
    const failed = await findJob(database().db, organisationId, job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'CONFLICT' } });
    expect(failed?.error?.message).toContain('database file store');
    expect(readdirSync(spool.b)).toEqual([]);
  });
});
