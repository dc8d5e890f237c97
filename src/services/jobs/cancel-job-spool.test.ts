import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { createJobFileStore, type JobFileStore } from '../../integrations/jobs/job-file-store';
import { createPostgresJobFileStore } from '../../integrations/jobs/postgres-job-file-store';
import { queueAdvisoryUpload } from '../../testing/queue-advisory-upload';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { cancelJob } from './cancel-job';
import { enqueueJob } from './enqueue-job';
import { SPOOLED_UPLOAD_PARAM } from './spooled-upload';

describeEachDialect('cancelling a queued job with a spooled upload', (database, dialect) => {
  const clock = createTestClock();
  let jobFiles: JobFileStore;
  let spoolDir: string;
  let admin: ReturnType<typeof userActor>;
  let organisationId: string;
  const deps = () => ({ database: database(), clock, jobFiles, spoolDir });

  beforeEach(async () => {
    jobFiles =
      dialect === 'postgres'
        ? createPostgresJobFileStore(database().db)
        : createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-jobs-')));
    spoolDir = mkdtempSync(join(tmpdir(), 'iotcheck-spool-'));
    organisationId = await seedOrganisation(database(), 'Spool');
    admin = userActor((await seedMember(database(), organisationId, 'admin')).userId, organisationId, 'admin');
  });

  /** Queues an advisory import of a small upload; returns the job and where its upload was spooled. */
  async function queueAdvisoryImport() {
    const job = await queueAdvisoryUpload(deps(), admin);
    const spooled = job.params[SPOOLED_UPLOAD_PARAM];
    if (typeof spooled !== 'string') throw new Error('the job names no spooled upload');
    return { job, spooled };
  }

  it('removes the upload of a cancelled advisory import that never ran', async () => {
    const { job, spooled } = await queueAdvisoryImport();
    expect(existsSync(spooled)).toBe(true);
    expect(await cancelJob(deps(), { actor: admin, jobId: job.id })).toMatchObject({ status: 'cancelled' });
    expect(existsSync(spooled)).toBe(false);
  });

  it('keeps the upload when the cancel is refused', async () => {
    const { job, spooled } = await queueAdvisoryImport();
    const viewer = userActor((await seedMember(database(), organisationId, 'viewer')).userId, organisationId, 'viewer');
    await expect(cancelJob(deps(), { actor: viewer, jobId: job.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(existsSync(spooled)).toBe(true);
  });

  it('never removes a file outside the spool directory, whatever the params name', async () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'iotcheck-elsewhere-')), 'keep.json');
    writeFileSync(elsewhere, '{}');
    if (admin.kind !== 'user') throw new Error('the admin is a user');
    const job = await enqueueJob(deps(), {
      actor: admin,
      organisationId,
      kind: 'vulnerability-import',
      params: { [SPOOLED_UPLOAD_PARAM]: elsewhere, fileName: 'keep.json', source: 'auto' },
      subject: { type: 'vulnerabilities', id: organisationId },
      auditAction: 'vulnerability.import_requested',
    });
    await cancelJob(deps(), { actor: admin, jobId: job.id });
    expect(existsSync(elsewhere)).toBe(true);
  });
});
