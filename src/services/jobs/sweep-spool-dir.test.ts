import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { createJobFileStore } from '../../integrations/jobs/job-file-store';
import { queueAdvisoryUpload } from '../../testing/queue-advisory-upload';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { cancelJob } from './cancel-job';
import { SPOOLED_UPLOAD_PARAM } from './spooled-upload';
import { SPOOL_SWEEP_MIN_AGE_MS, sweepSpoolDir } from './sweep-spool-dir';

describeEachDialect('sweeping a server’s spool directory', (database) => {
  const clock = createTestClock();
  const jobFiles = createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-jobs-')));
  // Two servers with their own DATA_DIR: A received the upload, B is asked to cancel it.
  let spoolA: string;
  let spoolB: string;
  let admin: ReturnType<typeof userActor>;

  beforeEach(async () => {
    spoolA = mkdtempSync(join(tmpdir(), 'iotcheck-spool-a-'));
    spoolB = mkdtempSync(join(tmpdir(), 'iotcheck-spool-b-'));
    const organisationId = await seedOrganisation(database(), 'Sweep');
    admin = userActor((await seedMember(database(), organisationId, 'admin')).userId, organisationId, 'admin');
  });

  /** Queues an advisory import through server A; returns the job and where A spooled its upload. */
  async function queueOnA() {
    const job = await queueAdvisoryUpload({ database: database(), clock, jobFiles, spoolDir: spoolA }, admin);
    const spooled = job.params[SPOOLED_UPLOAD_PARAM];
    if (typeof spooled !== 'string') throw new Error('the job names no spooled upload');
    return { job, spooled };
  }

  /** Makes a file look untouched for longer than a sweep waits. */
  function leftLongAgo(path: string): string {
    const then = new Date(Date.now() - SPOOL_SWEEP_MIN_AGE_MS - 60_000);
    utimesSync(path, then, then);
    return path;
  }

  const sweepA = () => sweepSpoolDir({ database: database(), clock: () => new Date() }, { spoolDir: spoolA });

  it('removes the upload of an import cancelled through another server', async () => {
    const { job, spooled } = await queueOnA();
    const cancelled = await cancelJob(
      { database: database(), clock, spoolDir: spoolB },
      { actor: admin, jobId: job.id },
    );
    expect(cancelled.status).toBe('cancelled');
    // B cannot reach A's DATA_DIR: the file stays until A's sweep.
    expect(existsSync(spooled)).toBe(true);
    leftLongAgo(spooled);
    expect(await sweepA()).toBe(1);
    expect(existsSync(spooled)).toBe(false);
  });

  it('keeps the upload of a queued job, however old, and a file written moments ago', async () => {
    const queued = leftLongAgo((await queueOnA()).spooled);
    // A request that has just spooled its upload and not yet queued the job.
    const fresh = join(spoolA, `advisories-${randomUUID()}`);
    writeFileSync(fresh, '{}');
    expect(await sweepA()).toBe(0);
    expect([existsSync(queued), existsSync(fresh)]).toEqual([true, true]);
  });

  it('removes uploads whose job has ended or is gone, and only spooled uploads directly inside the folder', async () => {
    const { job, spooled: ended } = await queueOnA();
    await database()
      .db.updateTable('job')
      .set({ status: 'succeeded', finished_at: new Date().toISOString() })
      .where('id', '=', job.id)
      .execute();
    leftLongAgo(ended);
    const jobless = join(spoolA, `advisories-${randomUUID()}`);
    const kept = [join(spoolA, 'import-1.csv'), join(spoolA, 'notes.txt'), join(spoolA, 'nested', 'advisories-1')];
    mkdirSync(join(spoolA, 'nested'));
    mkdirSync(join(spoolA, 'advisories-folder'));
    for (const path of [jobless, ...kept]) writeFileSync(path, 'x');
    for (const path of [jobless, ...kept, join(spoolA, 'advisories-folder')]) leftLongAgo(path);
    expect(await sweepA()).toBe(2);
    expect([existsSync(ended), existsSync(jobless)]).toEqual([false, false]);
    expect(kept.map(existsSync)).toEqual(kept.map(() => true));
    expect(existsSync(join(spoolA, 'advisories-folder'))).toBe(true);
  });

  it('finds nothing to do in a missing folder', async () => {
    expect(
      await sweepSpoolDir({ database: database(), clock: () => new Date() }, { spoolDir: join(spoolA, 'none') }),
    ).toBe(0);
  });
});
