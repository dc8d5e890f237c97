// kill -9 of a server while an evidence upload streams into its store: no evidence row, no stored
// file; with the local store the restart removes the temporary upload file, with the PostgreSQL
// store the cut-off staging row stays nameless (never listed or served) until the stale sweep.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  testPostgresUrl,
  type TestDatabase,
} from '../../src/testing/test-database';
import { multipartBody, uniquePdf } from '../../src/testing/test-evidence';
import { dataDirs, seedSignedUpMember, sharedSecretKey, signIn, until } from './scale-fixture';
import { startServerProcess, type ServerProcess } from './server-process';

/** Posts an evidence form whose file part stops after a PDF head and 1 MiB, and never ends. */
function hangingUpload(url: string, headers: Record<string, string>): Promise<string> {
  const form = multipartBody([
    { name: 'file', fileName: 'big.pdf', contentType: 'application/pdf', data: Buffer.alloc(0) },
  ]);
  const boundary = form.contentType.split('boundary=')[1] ?? '';
  const head = form.payload.subarray(0, form.payload.length - `\r\n--${boundary}--\r\n`.length);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(head));
      controller.enqueue(new Uint8Array(uniquePdf()));
      controller.enqueue(new Uint8Array(Buffer.alloc(1024 * 1024, 7)));
    },
  });
  return fetch(`${url}/api/evidence`, {
    method: 'POST',
    headers: { ...headers, 'content-type': form.contentType },
    body,
    duplex: 'half',
  } as RequestInit).then(
    (response) => `answered ${response.status}`,
    () => 'connection lost',
  );
}

describe('kill -9 during an evidence upload (local store)', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let email: string;
  let dataDir: string;
  const dirs = dataDirs();
  const env = () => ({ DATABASE_URL: database.url, DATA_DIR: dataDir });

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    ({ email } = await seedSignedUpMember(database, 'assessor'));
    dataDir = dirs.make();
    server = await startServerProcess(env());
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    dirs.removeAll();
  }, 60_000);

  const evidenceDir = () => join(dataDir, 'evidence');
  const storeEntries = () => (existsSync(evidenceDir()) ? readdirSync(evidenceDir()) : []);

  it('leaves no evidence row, no stored file and, after a restart, no temporary file', async () => {
    const headers = await signIn(server.url, email);
    const hanging = hangingUpload(server.url, headers);
    // Mid-upload: the store's temporary file exists (the body streams into it; nothing buffers it first).
    await until(
      'the upload to stream into the store',
      async () => storeEntries().some((name) => name.endsWith('.tmp')),
      {
        timeoutMs: 60_000,
      },
    );
    await server.kill();
    expect(await hanging).toBe('connection lost');
    expect(await database.db.selectFrom('evidence').select('id').execute()).toEqual([]);
    expect(storeEntries().filter((name) => !name.endsWith('.tmp'))).toEqual([]);
    expect(storeEntries().filter((name) => name.endsWith('.tmp'))).toHaveLength(1);

    server = await startServerProcess(env());
    expect(storeEntries()).toEqual([]);
    // And the restarted server takes a whole upload.
    const again = multipartBody([
      { name: 'file', fileName: 'big.pdf', contentType: 'application/pdf', data: uniquePdf() },
    ]);
    const created = await fetch(`${server.url}/api/evidence`, {
      method: 'POST',
      headers: { ...(await signIn(server.url, email)), 'content-type': again.contentType },
      body: new Uint8Array(again.payload),
    });
    expect(created.status).toBe(200);
    expect(await database.db.selectFrom('evidence').select('id').execute()).toHaveLength(1);
  }, 300_000);
});

describe.skipIf(testPostgresUrl() === '')('kill -9 during an evidence upload (PostgreSQL store)', () => {
  let database: TestDatabase;
  let servers: ServerProcess[];
  let email: string;
  const dirs = dataDirs();

  beforeAll(async () => {
    database = await createPostgresTestDatabase(testPostgresUrl());
    ({ email } = await seedSignedUpMember(database, 'assessor'));
    const secretKey = sharedSecretKey();
    const env = () => ({
      DATABASE_URL: database.url,
      EVIDENCE_STORE: 'postgres',
      DATA_DIR: dirs.make(),
      SECRET_KEY: secretKey,
    });
    servers = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.destroy();
    dirs.removeAll();
  }, 60_000);

  const storedFiles = () =>
    database.db.selectFrom('stored_file').select(['name', 'size_bytes']).where('area', '=', 'evidence').execute();

  it('leaves no evidence row and no named file, only a nameless staging row for the stale sweep', async () => {
    const [victim, survivor] = servers as [ServerProcess, ServerProcess];
    const headers = await signIn(survivor.url, email);
    const hanging = hangingUpload(victim.url, headers);
    // Mid-upload: the staging row exists and holds the chunks written so far (256 KiB each).
    await until(
      'the upload to stream into the store',
      async () => (await storedFiles()).some((row) => Number(row.size_bytes) > 0),
      {
        timeoutMs: 60_000,
      },
    );
    await victim.kill();
    expect(await hanging).toBe('connection lost');
    expect(await database.db.selectFrom('evidence').select('id').execute()).toEqual([]);
    expect((await storedFiles()).map((row) => row.name)).toEqual([null]);
    // The other server still serves, and lists nothing of the cut-off upload.
    const list = await fetch(`${survivor.url}/api/evidence`, { headers });
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).not.toContain('big.pdf');
  }, 120_000);
});
