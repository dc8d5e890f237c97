import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
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
