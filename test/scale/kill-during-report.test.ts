// kill -9 of the server that runs a report job: no report file is stored under the job's name
// while it is cut off; the survivor takes the job over once the lease lapses and stores one whole
// PDF, which downloads from either server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../../src/testing/test-database';
import { seedAssessmentRow } from '../../src/testing/test-assessment-rows';
import { dataDirs, seedSignedUpMember, sharedSecretKey, signIn, until, waitForJob } from './scale-fixture';
import { startServerProcess, type ServerProcess } from './server-process';

describe.skipIf(testPostgresUrl() === '')('kill -9 during a report job', () => {
  let database: TestDatabase;
  let servers: ServerProcess[];
  let assessmentId: string;
  let email: string;
  const dirs = dataDirs();

  beforeAll(async () => {
    database = await createPostgresTestDatabase(testPostgresUrl());
    const member = await seedSignedUpMember(database, 'assessor');
    email = member.email;
    assessmentId = await seedAssessmentRow(database, member.organisationId);
    const secretKey = sharedSecretKey();
    // A two-second lease: the survivor takes over a dead server's job within seconds.
    const env = () => ({
      DATABASE_URL: database.url,
      EVIDENCE_STORE: 'postgres',
      DATA_DIR: dirs.make(),
      SECRET_KEY: secretKey,
      JOB_LEASE_MS: '2000',
    });
    servers = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.destroy();
    dirs.removeAll();
  }, 60_000);

  const namedFiles = async (jobId: string) =>
    database.db
      .selectFrom('stored_file')
      .select(['id', 'size_bytes'])
      .where('area', '=', 'job')
      .where('name', '=', jobId)
      .execute();

  it('stores no partial report, and the survivor completes a whole PDF', async () => {
    const headers = await signIn(servers[0]!.url, email);
    const asked = await fetch(`${servers[0]!.url}/api/assessments/${assessmentId}/reports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'management-pdf', language: 'ja', detailed: true }),
    });
    expect(asked.status).toBe(202);
    const { id } = (await asked.json()) as { id: string };

    // Mid-job: some server has claimed it (workers are named host:pid:…) and not finished.
    let holder: { locked_by: string | null } | undefined;
    await until(
      'a server to claim the report job',
      async () => {
        holder = await database.db
          .selectFrom('job')
          .select('locked_by')
          .where('id', '=', id)
          .where('status', '=', 'running')
          .executeTakeFirst();
        return holder !== undefined;
      },
      { timeoutMs: 30_000, everyMs: 10 },
    );
    const victim = servers.find((server) => holder!.locked_by!.split(':')[1] === String(server.child.pid))!;
    expect(victim).toBeDefined();
    const survivor = servers.find((server) => server !== victim)!;
    await victim.kill();

    const cutOff = await database.db
      .selectFrom('job')
      .select(['status', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(cutOff).toMatchObject({ status: 'running' });
    expect(await namedFiles(id)).toEqual([]);
    const download = await fetch(`${survivor.url}/api/jobs/${id}/download`, { headers });
    expect(download.status).not.toBe(200);

    const job = await waitForJob(survivor.url, headers, id, 60_000);
    expect(job.status).toBe('succeeded');
    const ended = await database.db
      .selectFrom('job')
      .select(['attempts', 'locked_by', 'result_bytes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Claimed by the killed server, then once by the survivor: it never ran twice at once.
    expect(Number(ended.attempts)).toBe(2);
    const files = await namedFiles(id);
    expect(files).toHaveLength(1);
    expect(Number(files[0]!.size_bytes)).toBe(Number(ended.result_bytes));

    const pdf = Buffer.from(await (await fetch(`${survivor.url}/api/jobs/${id}/download`, { headers })).arrayBuffer());
    expect(pdf.length).toBe(Number(ended.result_bytes));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  }, 120_000);
});
