// kill -9 of a server while it imports a device file: the import is one transaction, so the
// inventory holds none of the file's rows; the client sends the file again to the other server and
// gets every row exactly once. The killed server, restarted, leaves no spooled copy behind.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../../src/testing/test-database';
import { multipartBody } from '../../src/testing/test-evidence';
import { dataDirs, seedSignedUpMember, sharedSecretKey, signIn, until } from './scale-fixture';
import { startServerProcess, type ServerProcess } from './server-process';

/** Large enough that the COPY of the rows is still streaming when the test sees it (a few seconds). */
const ROWS = 60_000;

function deviceCsv(): Buffer {
  const lines = ['asset_tag,name,ip_address,location'];
  for (let index = 0; index < ROWS; index += 1) {
    const tag = `K9-${String(index).padStart(6, '0')}`;
    lines.push(
      `${tag},Sensor ${index},10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255},Plant ${index % 7}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe.skipIf(testPostgresUrl() === '')('kill -9 during a device import', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let organisationId: string;
  let email: string;
  const dirs = dataDirs();
  const secretKey = sharedSecretKey();
  let dirA: string;
  const env = (dir: string) => ({
    DATABASE_URL: database.url,
    EVIDENCE_STORE: 'postgres',
    DATA_DIR: dir,
    SECRET_KEY: secretKey,
  });

  beforeAll(async () => {
    database = await createPostgresTestDatabase(testPostgresUrl());
    ({ organisationId, email } = await seedSignedUpMember(database, 'assessor'));
    dirA = dirs.make();
    [a, b] = await Promise.all([startServerProcess(env(dirA)), startServerProcess(env(dirs.make()))]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.destroy();
    dirs.removeAll();
  }, 60_000);

  const deviceCounts = async () => {
    const row = await database.db
      .selectFrom('device')
      .select((eb) => [eb.fn.countAll<string>().as('rows'), sql<string>`count(DISTINCT asset_tag)`.as('tags')])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return { rows: Number(row.rows), tags: Number(row.tags) };
  };

  it('leaves none of the rows, and the same file sent to the other server imports each row once', async () => {
    const headersA = await signIn(a.url, email);
    const form = multipartBody([{ name: 'file', fileName: 'devices.csv', contentType: 'text/csv', data: deviceCsv() }]);
    const upload = fetch(`${a.url}/api/inventory/imports`, {
      method: 'POST',
      headers: { ...headersA, 'content-type': form.contentType },
      body: new Uint8Array(form.payload),
    }).then(
      (response) => `answered ${response.status}`,
      () => 'connection lost',
    );
    // Mid-way: A's bulk connection is streaming rows into its staging table.
    await until(
      'the import COPY on server A',
      async () => {
        const { rows } = await sql<{ n: string }>`
          SELECT count(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY import_staging%'`.execute(
          database.db,
        );
        return Number(rows[0]!.n) > 0;
      },
      { timeoutMs: 60_000, everyMs: 10 },
    );
    await a.kill();
    expect(await upload).toBe('connection lost');
    // Really gone (not a wrapper process killed and the server orphaned, still answering).
    expect(
      await fetch(`${a.url}/api/health`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');

    // The killed transaction is rolled back once PostgreSQL notices the dead client: nothing of it shows.
    expect(await deviceCounts()).toEqual({ rows: 0, tags: 0 });
    await until(
      'the killed import connection to be gone',
      async () => {
        const { rows } = await sql<{ n: string }>`
          SELECT count(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND query LIKE 'COPY import_staging%'`.execute(database.db);
        return Number(rows[0]!.n) === 0;
      },
      { timeoutMs: 30_000, everyMs: 50 },
    );
    expect(await deviceCounts()).toEqual({ rows: 0, tags: 0 });

    // The client tries again on the survivor: every row once.
    const headersB = await signIn(b.url, email);
    const again = await fetch(`${b.url}/api/inventory/imports`, {
      method: 'POST',
      headers: { ...headersB, 'content-type': form.contentType },
      body: new Uint8Array(form.payload),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ rows: ROWS, created: ROWS, updated: 0, skipped: 0 });
    expect(await deviceCounts()).toEqual({ rows: ROWS, tags: ROWS });
    const imports = await database.db
      .selectFrom('inventory_import')
      .select('created_count')
      .where('organisation_id', '=', organisationId)
      .execute();
    expect(imports.map((row) => Number(row.created_count))).toEqual([ROWS]);

    // A restarted on its DATA_DIR clears the spooled upload the kill left there.
    const spool = join(dirA, 'tmp');
    expect(existsSync(spool) ? readdirSync(spool) : []).toHaveLength(1);
    a = await startServerProcess(env(dirA));
    expect(readdirSync(spool)).toEqual([]);
  }, 360_000); // the restart alone may take minutes on a loaded machine (see startServerProcess)
});
