import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { createJobFileStore } from '../../integrations/jobs/job-file-store';
import { createPostgresJobFileStore } from '../../integrations/jobs/postgres-job-file-store';
import { queueAdvisoryUpload } from '../../testing/queue-advisory-upload';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import type { JobDeps } from './job-deps';
import { SHARED_UPLOAD_PARAM } from './spooled-upload';
import { sweepSharedUploads } from './sweep-shared-uploads';
import { SPOOL_SWEEP_MIN_AGE_MS } from './sweep-spool-dir';

describeEachDialect('sweeping the shared upload store', (database) => {
  const clock = createTestClock();
  let deps: JobDeps & { readonly spoolDir: string };
  let admin: ReturnType<typeof userActor>;

  beforeEach(async () => {
    deps = {
      database: database(),
      clock,
      jobFiles: createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-jobs-'))),
      sharedUploads: createPostgresJobFileStore(database().db, 'upload'),
      spoolDir: mkdtempSync(join(tmpdir(), 'iotcheck-spool-')),
    };
    const organisationId = await seedOrganisation(database(), 'Shared sweep');
    admin = userActor((await seedMember(database(), organisationId, 'admin')).userId, organisationId, 'admin');
  });

  /** An upload kept with no job to name it, as a server dying before it queued the job leaves it. */
  async function orphanUpload(): Promise<string> {
    const name = randomUUID();
    await deps.sharedUploads!.save(name, async (destination) => {
      destination.end('{"vulnerabilities":[]}');
    });
    return name;
  }

  /** A sweep run as if `minutes` had passed. */
  const sweepAfter = (minutes: number) =>
    sweepSharedUploads({ ...deps, clock: () => new Date(Date.now() + minutes * 60_000) });

  it('removes uploads no live job names once they are old enough, and keeps the queued job’s', async () => {
    const job = await queueAdvisoryUpload(deps, admin);
    const kept = job.params[SHARED_UPLOAD_PARAM];
    expect(typeof kept).toBe('string');
    const orphan = await orphanUpload();

    expect(await sweepAfter(1)).toBe(0);
    expect(await deps.sharedUploads!.open(orphan)).toBeDefined();

    expect(await sweepAfter(SPOOL_SWEEP_MIN_AGE_MS / 60_000 + 1)).toBe(1);
    expect(await deps.sharedUploads!.open(orphan)).toBeUndefined();
    expect(await deps.sharedUploads!.open(String(kept))).toBeDefined();
  });

  it('does nothing without a shared store', async () => {
    await orphanUpload();
    const { sharedUploads: _none, ...local } = deps;
    expect(await sweepSharedUploads({ ...local, clock: () => new Date(Date.now() + 3_600_000) })).toBe(0);
  });
});
