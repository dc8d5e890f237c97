import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../core/domain-error';
import { createJobFileStore } from '../../integrations/jobs/job-file-store';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { seedAssessmentRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { reportOfBytes } from '../reports/generated-report';
import { requestReport } from '../reports/request-report';
import type { JobHandlers } from './job-handler';
import { readJobQueueDepth } from './read-job-queue-depth';
import { runNextJob, type JobRunEnded } from './run-next-job';

describeEachDialect('job runs as operators see them', (database) => {
  const clock = createTestClock();
  const deps = () => ({
    database: database(),
    clock,
    jobFiles: createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-jobs-'))),
  });
  let ask: () => Promise<unknown>;
  const outcomes: (Error | undefined)[] = [];
  const handlers: JobHandlers = {
    'assessment-json': {
      readAction: 'assessments.read',
      run: async () => {
        const failure = outcomes.shift();
        if (failure) throw failure;
        return reportOfBytes('r.json', 'application/json', '{}');
      },
    },
  };

  beforeAll(async () => {
    const organisationId = await seedOrganisation(database(), 'Ops');
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    const actor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
    ask = () =>
      requestReport(deps(), { actor, assessmentId, kind: 'assessment-json', language: 'en', detailed: false });
  });

  it('tells each run its job id, kind, outcome and error code, and counts the queue by kind and status', async () => {
    await ask();
    await ask();
    expect(await readJobQueueDepth(deps())).toEqual([{ kind: 'assessment-json', status: 'queued', count: 2 }]);
    const ended: JobRunEnded[] = [];
    const options = { workerId: 'w1', handlers, leaseMs: 60_000, onRunEnded: (run: JobRunEnded) => ended.push(run) };
    outcomes.push(undefined, new DomainError('NOT_FOUND', 'gone'));
    expect(await runNextJob(deps(), options)).toBe('ran');
    expect(await runNextJob(deps(), options)).toBe('ran');
    expect(await runNextJob(deps(), options)).toBe('idle');
    expect(ended).toEqual([
      { jobId: expect.any(String), kind: 'assessment-json', outcome: 'succeeded', durationMs: expect.any(Number) },
      {
        jobId: expect.any(String),
        kind: 'assessment-json',
        outcome: 'failed',
        errorCode: 'NOT_FOUND',
        durationMs: expect.any(Number),
      },
    ]);
    expect(new Set(ended.map((run) => run.jobId)).size).toBe(2);
    expect(await readJobQueueDepth(deps())).toEqual([
      { kind: 'assessment-json', status: 'failed', count: 1 },
      { kind: 'assessment-json', status: 'succeeded', count: 1 },
    ]);
  });
});
