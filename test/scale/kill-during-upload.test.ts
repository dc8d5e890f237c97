// kill -9 of a server while an evidence upload streams into its store: no evidence row, no stored
// file, and once the server is restarted on its DATA_DIR no temporary upload file either.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase, type TestDatabase } from '../../src/testing/test-database';
import { multipartBody, uniquePdf } from '../../src/testing/test-evidence';
import { dataDirs, seedSignedUpMember, signIn, until } from './scale-fixture';
import { startServerProcess, type ServerProcess } from './server-process';

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
    const form = multipartBody([
      { name: 'file', fileName: 'big.pdf', contentType: 'application/pdf', data: Buffer.alloc(0) },
    ]);
    // The form's head, a PDF's first bytes and 1 MiB more, then nothing: the upload hangs mid-file.
    const boundary = form.contentType.split('boundary=')[1] ?? '';
    const head = form.payload.subarray(0, form.payload.length - `\r\n--${boundary}--\r\n`.length);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(head));
        controller.enqueue(new Uint8Array(uniquePdf()));
        controller.enqueue(new Uint8Array(Buffer.alloc(1024 * 1024, 7)));
      },
    });
    const hanging = fetch(`${server.url}/api/evidence`, {
      method: 'POST',
      headers: { ...headers, 'content-type': form.contentType },
      body,
      duplex: 'half',
    } as RequestInit).then(
      (response) => `answered ${response.status}`,
      () => 'connection lost',
    );
    // Mid-upload: the store's temporary file exists and holds the bytes sent so far.
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
    // And the restarted server takes the same upload whole.
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
