// kill -9 of the server running a probe job, mid-scan of real listeners the test opens on a loopback
// address: the killed run stored nothing (results are stored in one transaction at the end), the
// survivor runs the job again once the lease lapses, and the stored run has each observation once.
import { createServer, type Server } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../../src/testing/test-database';
import { dataDirs, seedSignedUpMember, sharedSecretKey, signIn, until, waitForJob } from './scale-fixture';
import { startServerProcess, type ServerProcess } from './server-process';

/** A loopback address of this test alone (other probe tests use 127.0.40.x and 127.0.41.x). */
const HOST = '127.0.46.9';
const LISTENERS = 30;
/** Connections per second of the scope: the scan of 30 ports takes about six seconds. */
const RATE = 5;

describe.skipIf(testPostgresUrl() === '')('kill -9 during a probe job', () => {
  let database: TestDatabase;
  let servers: ServerProcess[];
  let email: string;
  const listeners: Server[] = [];
  let connections = 0;
  const dirs = dataDirs();

  beforeAll(async () => {
    database = await createPostgresTestDatabase(testPostgresUrl());
    ({ email } = await seedSignedUpMember(database, 'owner'));
    // A slow daemon: it accepts and never says anything.
    for (let index = 0; index < LISTENERS; index += 1) {
      const server = createServer(() => {
        connections += 1;
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, HOST, () => resolve());
      });
      listeners.push(server);
    }
    const secretKey = sharedSecretKey();
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
    for (const server of listeners) server.close();
    await database?.destroy();
    dirs.removeAll();
  }, 60_000);

  it('re-runs the cut-off scan to completion on the survivor, with no duplicate observations', async () => {
    const headers = await signIn(servers[0]!.url, email);
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${servers[0]!.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const scope = (await post('/api/probes/scopes', { name: 'Fault lab', targets: `${HOST}/32`, rate: RATE })) as {
      id: string;
    };
    const ports = listeners.map((server) => (server.address() as { port: number }).port);
    const asked = (await post('/api/probes/runs', { scopeId: scope.id, targets: HOST, ports, checks: ['ports'] })) as {
      run: { id: string };
      job: { id: string };
    };

    // Mid-scan: some ports were reached, not all.
    await until('the scan to reach a few ports', async () => connections >= 5, { timeoutMs: 60_000, everyMs: 10 });
    const holder = await database.db
      .selectFrom('job')
      .select(['locked_by', 'status'])
      .where('id', '=', asked.job.id)
      .executeTakeFirstOrThrow();
    expect(holder.status).toBe('running');
    const victim = servers.find((server) => holder.locked_by!.split(':')[1] === String(server.child.pid))!;
    const survivor = servers.find((server) => server !== victim)!;
    await victim.kill();
    const reachedByKilledRun = connections;
    expect(reachedByKilledRun).toBeLessThan(LISTENERS);
    const observations = () =>
      database.db
        .selectFrom('probe_observation')
        .select(['address', 'check_name', 'port'])
        .where('run_id', '=', asked.run.id)
        .execute();
    expect(await observations()).toEqual([]);

    const job = await waitForJob(survivor.url, headers, asked.job.id, 90_000);
    expect(job.status).toBe('succeeded');
    const ended = await database.db
      .selectFrom('job')
      .select('attempts')
      .where('id', '=', asked.job.id)
      .executeTakeFirstOrThrow();
    expect(Number(ended.attempts)).toBe(2);
    // One complete scan after the cut-off one: every port once more, none twice.
    expect(connections - reachedByKilledRun).toBe(LISTENERS);
    const run = await database.db
      .selectFrom('probe_run')
      .select(['stored', 'target_count', 'open_port_count'])
      .where('id', '=', asked.run.id)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ stored: 1, target_count: 1, open_port_count: LISTENERS });
    const targets = await database.db
      .selectFrom('probe_target_result')
      .select('address')
      .where('run_id', '=', asked.run.id)
      .execute();
    expect(targets).toEqual([{ address: HOST }]);
    const stored = await observations();
    expect(stored.length).toBeGreaterThan(0);
    const distinct = await sql<{ n: string }>`
      SELECT count(*) AS n FROM (SELECT DISTINCT address, check_name, port FROM probe_observation
        WHERE run_id = ${asked.run.id}) AS once`.execute(database.db);
    expect(Number(distinct.rows[0]!.n)).toBe(stored.length);
  }, 180_000);
});
