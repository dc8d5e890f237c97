import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobFileStore } from '../../../integrations/jobs/job-file-store';
import { runNextJob } from '../../../services/jobs/run-next-job';
import { reportJobHandlers } from '../../../services/reports/report-job-handlers';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp, testCatalog } from '../../../testing/test-app';
import { seedAssessmentRow } from '../../../testing/test-assessment-rows';
import { createSqliteTestDatabase, type TestDatabase } from '../../../testing/test-database';

async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describe('report job routes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-report-routes-'));
  let database: TestDatabase;
  let app: FastifyInstance;
  let assessmentId: string;
  let assessor: TestPrincipal;
  let viewer: TestPrincipal;
  let outsider: TestPrincipal;

  /** The server's worker, one step: runs the oldest queued job. */
  const runQueued = () =>
    runNextJob(
      { database, clock: () => new Date(), jobFiles: createJobFileStore(join(dataDir, 'jobs')) },
      {
        workerId: 'test',
        handlers: reportJobHandlers({ database, clock: () => new Date(), catalog: testCatalog() }),
        leaseMs: 60_000,
      },
    );

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database, { DATA_DIR: dataDir });
    const organisationId = await seedOrganisation(database, 'Alpha');
    assessmentId = await seedAssessmentRow(database, organisationId);
    assessor = await seedMember(database, organisationId, 'assessor');
    viewer = await seedMember(database, organisationId, 'viewer');
    const other = await seedOrganisation(database, 'Beta');
    outsider = await seedMember(database, other, 'owner');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('queues a report (202), shows its progress, and serves the file to a reader once it is done', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/reports`,
      headers: await headersOf(viewer),
      payload: { kind: 'assessment-yaml', language: 'en' },
    });
    expect(asked.statusCode).toBe(202);
    const job = asked.json<{ id: string; status: string; file: unknown; requestedByMe: boolean }>();
    expect(job).toMatchObject({ status: 'queued', file: null, requestedByMe: true, language: 'en' });

    expect(await runQueued()).toBe('ran');
    const shown = await app.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: await headersOf(assessor) });
    expect(shown.json()).toMatchObject({
      status: 'succeeded',
      progress: 1,
      requestedByMe: false,
      file: { mediaType: 'application/yaml', href: `/api/jobs/${job.id}/download` },
    });
    const listed = await app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/reports`,
      headers: await headersOf(assessor),
    });
    expect(listed.json<{ jobs: { id: string }[] }>().jobs.map((entry) => entry.id)).toContain(job.id);

    const download = await app.inject({
      method: 'GET',
      url: `/api/jobs/${job.id}/download`,
      headers: await headersOf(assessor),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/yaml');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="iotcheck-assessment-/);
    expect(download.body).toContain(`id: ${assessmentId}`);

    const refused = await app.inject({
      method: 'GET',
      url: `/api/jobs/${job.id}/download`,
      headers: await headersOf(outsider),
    });
    expect(refused.statusCode).toBe(404);
  });

  it('refuses an unknown report kind before queueing anything', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/reports`,
      headers: await headersOf(assessor),
      payload: { kind: 'mystery' },
    });
    expect(response.statusCode).toBe(400);
    expect(await runQueued()).toBe('idle');
  });
});
