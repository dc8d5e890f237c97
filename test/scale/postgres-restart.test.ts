// PostgreSQL restarted (pg_ctl restart -m fast) while a server takes a steady stream of reads and
// answer saves: requests in the gap are a clear 503 DATABASE_UNAVAILABLE, the server stays up and
// serves again afterwards, and every answer save it acknowledged is still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from '../../src/testing/postgres-cluster';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../../src/testing/test-database';
import { dataDirs, seedSignedUpMember, signIn } from './scale-fixture';
import { startServerProcess, type ServerProcess } from './server-process';

/** One connection each, each saving its own item (so no save meets another's version). */
const WORKERS = 4;

interface Outcome {
  readonly kind: 'read' | 'save';
  readonly status: number | 'network';
  readonly code?: string;
  readonly afterRestart: boolean;
}

// The restart needs a cluster of this test's own (the run's shared one serves other test files).
const binaries = findPostgresBinaries();

describe.skipIf(testPostgresUrl() === '' || binaries === undefined)('PostgreSQL restarted under load', () => {
  let cluster: PostgresCluster;
  let database: TestDatabase;
  let server: ServerProcess;
  let headers: Record<string, string>;
  let assessmentId: string;
  const dirs = dataDirs();

  beforeAll(async () => {
    cluster = await startPostgresCluster(binaries!);
    database = await createPostgresTestDatabase(cluster.url);
    const { email } = await seedSignedUpMember(database, 'owner');
    server = await startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dirs.make() });
    headers = await signIn(server.url, email);
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as { id: string };
    const system = await post('/api/systems', { name: '受変電設備', criticality: 'important' });
    assessmentId = (await post('/api/assessments', { systemId: system.id, title: '再起動試験' })).id;
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    cluster?.stop();
    dirs.removeAll();
  }, 60_000);

  it('answers 503 in the gap, stays up, serves again and loses no acknowledged save', async () => {
    const outcomes: Outcome[] = [];
    /** Per item: the answer the server last acknowledged (or, after a 409, the one it holds). */
    const acknowledged = new Map<string, { version: number; comment: string }>();
    const sent = new Set<string>();
    let restarted = false;
    let stopAt = Number.POSITIVE_INFINITY;

    const call = async (kind: Outcome['kind'], init: { path: string; method?: string; body?: unknown }) => {
      const response = await fetch(`${server.url}${init.path}`, {
        method: init.method ?? 'GET',
        headers: { ...headers, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      }).catch(() => undefined);
      const body = response ? ((await response.json().catch(() => ({}))) as Record<string, unknown>) : {};
      outcomes.push({
        kind,
        status: response?.status ?? 'network',
        ...(typeof body['code'] === 'string' ? { code: body['code'] } : {}),
        afterRestart: restarted,
      });
      return { status: response?.status, body };
    };

    const worker = async (index: number) => {
      const itemId = `jssec-v2:${index + 1}`;
      acknowledged.set(itemId, { version: 0, comment: '' });
      let savesAfterRestart = 0;
      for (let round = 0; Date.now() < stopAt || savesAfterRestart < 3; round += 1) {
        await call('read', { path: `/api/assessments/${assessmentId}` });
        const comment = `worker ${index} round ${round}`;
        sent.add(comment);
        const saved = await call('save', {
          path: `/api/assessments/${assessmentId}/answers/${encodeURIComponent(itemId)}`,
          method: 'PUT',
          body: { version: acknowledged.get(itemId)!.version, result: 'partial', comment },
        });
        if (saved.status === 200) {
          acknowledged.set(itemId, { version: Number(saved.body['version']), comment });
          if (restarted) savesAfterRestart += 1;
        } else if (saved.status === 409) {
          // Only a save answered 503 that committed all the same can make our version stale.
          const current = saved.body['current'] as { version: number; comment: string };
          expect(sent.has(current.comment)).toBe(true);
          acknowledged.set(itemId, { version: current.version, comment: current.comment });
        }
      }
    };

    const load = Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await cluster.restart();
    restarted = true;
    stopAt = Date.now() + 1000;
    await load;

    // The server process never went down.
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    const statuses = new Set(
      outcomes.map((outcome) => `${outcome.kind} ${outcome.status} ${outcome.code ?? ''}`.trim()),
    );
    // Only successes, clear 503s, and 409s explained above: no 500, no dropped connection.
    for (const status of statuses)
      expect(status).toMatch(/^(read 200|save 200|(read|save) 503 DATABASE_UNAVAILABLE|save 409 CONFLICT)$/);
    expect(outcomes.some((outcome) => outcome.status === 503)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.afterRestart && outcome.status === 200).length).toBeGreaterThan(0);

    // Every acknowledged save is in the database (the last one of each item is what it holds).
    const answers = await database.db
      .selectFrom('answer')
      .select(['item_id', 'version', 'comment'])
      .where('assessment_id', '=', assessmentId)
      .execute();
    const held = new Map(answers.map((row) => [row.item_id, { version: Number(row.version), comment: row.comment }]));
    for (const [itemId, answer] of acknowledged) expect(held.get(itemId)).toEqual(answer);
  }, 120_000);
});
