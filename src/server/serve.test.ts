import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createTestConfig } from '../testing/test-config';
import { describeEachDialect } from '../testing/test-database';
import { installGracefulShutdown, startServer } from './serve';

describeEachDialect('graceful shutdown', (database) => {
  it('lets a slow in-flight request finish on SIGTERM, then exits 0', async () => {
    const databaseUrl = database().url;
    const config = createTestConfig(
      databaseUrl.startsWith('sqlite:') ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: databaseUrl },
    );
    let release: () => void = () => undefined;
    const server = await startServer(config, {
      extraRoutes: (app) =>
        app.get('/slow', { config: { access: 'public' }, schema: { hide: true } }, async () => {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { finished: true };
        }),
    });
    const exitCodes: number[] = [];
    const exited = new Promise<void>((resolve) => {
      installGracefulShutdown(server, { signals: ['SIGUSR2'], exit: (code) => (exitCodes.push(code), resolve()) });
    });

    const slow = fetch(`${server.url}/slow`).then(async (response) => ({
      status: response.status,
      body: await response.json(),
    }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    expect(exitCodes).toEqual([]);
    release();

    expect(await slow).toEqual({ status: 200, body: { finished: true } });
    await exited;
    expect(exitCodes).toEqual([0]);
  });

  it('closes the database only after a handler whose client went away has finished its writes', async () => {
    let release: () => void = () => undefined;
    let started = false;
    let wrote: Promise<unknown> = Promise.resolve();
    const holder: { database?: Database } = {};
    const server = await startServer(createTestConfig({ DATABASE_URL: database().url }), {
      extraRoutes: (app) =>
        app.get('/orphan', { config: { access: 'public' }, schema: { hide: true } }, async () => {
          started = true;
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          if (!holder.database) throw new Error('the server has not started');
          wrote = sql`select 1 as one`.execute(holder.database.db);
          await wrote;
          return { finished: true };
        }),
    });
    holder.database = server.database;
    const client = new AbortController();
    const request = fetch(`${server.url}/orphan`, { signal: client.signal }).catch(() => 'aborted');
    while (!started) await new Promise((resolve) => setTimeout(resolve, 10));
    client.abort();
    expect(await request).toBe('aborted');
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    // The connection is gone, yet the handler still runs: the database stays open for it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await expect(wrote).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('removes temporary files of uploads killed in an earlier run when it starts, keeping stored evidence', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-killed-upload-'));
    const evidenceDir = join(dataDir, 'evidence');
    mkdirSync(join(evidenceDir, 'ab'), { recursive: true });
    writeFileSync(join(evidenceDir, '.upload-3f1c2b9e-0000-4000-8000-000000000001.tmp'), 'half an upload');
    writeFileSync(join(evidenceDir, 'ab', 'ab'.padEnd(64, '0')), 'stored evidence');
    const server = await startServer(createTestConfig({ DATABASE_URL: database().url, DATA_DIR: dataDir }));
    try {
      expect(readdirSync(evidenceDir).sort()).toEqual(['ab']);
      expect(readdirSync(join(evidenceDir, 'ab'))).toEqual(['ab'.padEnd(64, '0')]);
    } finally {
      await server.stop();
    }
  });
});
