// SIGTERM while an evidence upload is still streaming in: the server stops accepting connections at
// once, lets the upload finish and answer, and only then closes the database (no "driver has already
// been destroyed" in its log), and exits 0. An upload that outlasts SHUTDOWN_GRACE_MS is cut off: the
// client sees the connection close, the server still closes cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  testPostgresUrl,
  type TestDatabase,
} from '../../src/testing/test-database';
import { multipartBody, uniquePdf } from '../../src/testing/test-evidence';
import { dataDirs, seedSignedUpMember, signIn, until } from './scale-fixture';
import { findFreePort } from './server-process';

interface LoggingServer {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the server wrote (JSON log lines on stdout, anything on stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | string>;
}

/**
 * Like server-process.ts, but keeps stdout: the server logs there, and the point of this test is
 * what it logs while stopping.
 */
async function startLoggingServer(env: Record<string, string>): Promise<LoggingServer> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = `http://127.0.0.1:${port}`;
  await until(
    `${url}/api/health to answer`,
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before answering:\n${output}`);
      return fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
    },
    { timeoutMs: 240_000, everyMs: 100 },
  );
  return { url, port, child, output: () => output, exited };
}

/** Whether a new TCP connection to the port is refused (the server no longer listens). */
function isRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * Posts an evidence form whose last 64 KiB are held back until `finish()`: the request stays in
 * flight, mid-body, as long as the test wants.
 */
function slowUpload(url: string, headers: Record<string, string>) {
  const form = multipartBody([
    {
      name: 'file',
      fileName: 'slow.pdf',
      contentType: 'application/pdf',
      data: Buffer.concat([uniquePdf(), Buffer.alloc(512 * 1024, 7)]),
    },
  ]);
  const split = form.payload.length - 64 * 1024;
  let finish = (): void => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(form.payload.subarray(0, split)));
      finish = () => {
        controller.enqueue(new Uint8Array(form.payload.subarray(split)));
        controller.close();
      };
    },
  });
  const answer = fetch(`${url}/api/evidence`, {
    method: 'POST',
    headers: { ...headers, 'content-type': form.contentType },
    body,
    duplex: 'half',
  } as RequestInit).then(
    async (response) => ({ status: response.status, body: await response.text() }),
    () => ({ status: 0, body: 'connection lost' }),
  );
  return { answer, finish: () => finish() };
}

const dialects = [
  { name: 'SQLite', create: () => createSqliteTestDatabase() },
  { name: 'PostgreSQL', create: () => createPostgresTestDatabase(testPostgresUrl()) },
] as const;

describe.each(dialects)('SIGTERM during an upload ($name)', ({ create }) => {
  let database: TestDatabase;
  let email: string;
  let server: LoggingServer | undefined;
  const dirs = dataDirs();

  beforeAll(async () => {
    database = await create();
    ({ email } = await seedSignedUpMember(database, 'assessor'));
  }, 120_000);
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server?.exited;
  });
  afterAll(async () => {
    await database?.destroy();
    dirs.removeAll();
  }, 60_000);

  /** Starts a server, begins a slow upload and waits until its body streams into the store. */
  async function uploadInFlight(env: Record<string, string>) {
    const dataDir = dirs.make();
    server = await startLoggingServer({ DATABASE_URL: database.url, DATA_DIR: dataDir, ...env });
    const headers = await signIn(server.url, email);
    const upload = slowUpload(server.url, headers);
    const evidenceDir = join(dataDir, 'evidence');
    await until(
      'the upload to stream into the store',
      async () => existsSync(evidenceDir) && readdirSync(evidenceDir).some((name) => name.endsWith('.tmp')),
      { timeoutMs: 60_000 },
    );
    return { server, upload };
  }

  it('stops accepting, lets the upload finish with 200, then closes the database and exits 0', async () => {
    const { server, upload } = await uploadInFlight({});
    server.child.kill('SIGTERM');
    await until('new connections to be refused', () => isRefused(server.port), { timeoutMs: 30_000 });
    // Still in flight: the rest of the body arrives after the server stopped listening.
    upload.finish();
    const answer = await upload.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(await server.exited, server.output()).toBe(0);
    expect(await database.db.selectFrom('evidence').select('id').execute()).toHaveLength(1);
    expect(server.output()).not.toMatch(/destroyed/i);
    expect(server.output()).toContain('shutting down');
  }, 300_000);

  it('cuts off an upload that outlasts SHUTDOWN_GRACE_MS: the client sees the connection close', async () => {
    const before = await database.db.selectFrom('evidence').select('id').execute();
    const { server, upload } = await uploadInFlight({ SHUTDOWN_GRACE_MS: '1000' });
    server.child.kill('SIGTERM');
    // The rest of the body never comes.
    const answer = await upload.answer;
    expect(answer.status, answer.body).toBe(0);
    expect(await server.exited, server.output()).toBe(0);
    expect(await database.db.selectFrom('evidence').select('id').execute()).toEqual(before);
    expect(server.output()).not.toMatch(/destroyed/i);
    expect(server.output()).toContain('shutdown grace period ended');
  }, 300_000);
});
