import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../testing/test-database';

// What a PostgreSQL restart does to a server: every backend is terminated, including one a request
// holds at that moment. The process must survive and answer later queries on fresh connections.
describe.skipIf(testPostgresUrl() === '')('a PostgreSQL connection lost while checked out', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createPostgresTestDatabase(testPostgresUrl());
  });
  afterAll(async () => database?.destroy());

  it('fails the query in flight, does not crash the process, and the next query works', async () => {
    const outcome = await database.db.connection().execute(async (held) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(held);
      const pid = rows[0]!.pid;
      // Terminated from another connection, as a restart would; pg emits 'error' on the held client.
      await sql`SELECT pg_terminate_backend(${pid})`.execute(database.db);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return sql`SELECT 1 AS one`.execute(held).then(
        () => 'answered',
        (error: unknown) => (error instanceof Error ? 'failed' : 'odd'),
      );
    });
    expect(outcome).toBe('failed');
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
    expect(rows[0]!.one).toBe(1);
  });
});
