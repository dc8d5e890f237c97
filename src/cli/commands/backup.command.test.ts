import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dumpStoredFiles,
  dumpTables,
  openDataDirInstallation,
  seed,
  type Installation,
} from '../../testing/backup-installation';
import { startBackgroundWriter } from '../../testing/backup-writer';
import { runCli } from '../program';

/** Runs one `iotcheck` command in-process with only DATA_DIR set (SQLite in DATA_DIR), as an operator would. */
async function iotcheck(argv: string[], dataDir: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli({
    argv,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    language: 'en',
    serve: async () => undefined,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `iotcheck serve` as its own process on DATA_DIR's SQLite file; resolves once /api/ready says 200. */
async function startServer(dataDir: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/iotcheck.js', 'serve'], {
    env: { PATH: process.env['PATH'], HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`iotcheck serve exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/ready`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('iotcheck serve was not ready within 120 s');
}

describe('iotcheck backup while a server runs on the same SQLite file, then iotcheck restore into an empty installation', () => {
  const work = mkdtempSync(join(tmpdir(), 'iotcheck-backup-cli-'));
  const sourceDir = join(work, 'source');
  const targetDir = join(work, 'target');
  const file = join(work, 'backup.tar.gz');
  let server: { url: string; process: ChildProcess } | undefined;
  let source: Installation;
  let target: Installation | undefined;
  let writerOrg: string;
  const writes = { before: 0, after: 0, readsDuringBackup: 0 };
  let backup: { code: number; out: string; err: string };

  beforeAll(async () => {
    mkdirSync(sourceDir);
    mkdirSync(targetDir);
    server = await startServer(sourceDir);
    source = await openDataDirInstallation(sourceDir);
    await seed(source);
    // Another writer on the same file and requests to the server while the backup runs.
    const writer = await startBackgroundWriter(source, { pauseMs: 2 });
    writerOrg = writer.organisationId;
    let stop = false;
    const reader = (async () => {
      while (!stop) if ((await fetch(`${server!.url}/api/ready`)).ok) writes.readsDuringBackup += 1;
    })();
    writes.before = writer.written();
    backup = await iotcheck(['backup', '-o', file], sourceDir);
    writes.after = writer.written();
    stop = true;
    await Promise.all([writer.stop(), reader]);
  }, 240_000);

  afterAll(async () => {
    if (server && server.process.exitCode === null) {
      const exited = new Promise((resolve) => server!.process.once('exit', resolve));
      server.process.kill('SIGTERM');
      await exited;
    }
    await source?.destroy();
    await target?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes the backup while the server and a writer keep working', () => {
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toContain(file);
    expect(writes.after).toBeGreaterThan(writes.before);
    expect(writes.readsDuringBackup).toBeGreaterThan(0);
  });

  it('restores into an empty installation the same rows, files and key as at the backup moment', async () => {
    const restored = await iotcheck(['restore', file], targetDir);
    expect(restored).toMatchObject({ code: 0, err: '' });
    target = await openDataDirInstallation(targetDir);

    const name = (
      await target.database.db
        .selectFrom('organisation')
        .select('name')
        .where('id', '=', writerOrg)
        .executeTakeFirstOrThrow()
    ).name;
    const captured = Number(/^written-(\d+)$/.exec(name)?.[1]);
    expect(captured).toBeGreaterThanOrEqual(writes.before);
    expect(captured).toBeLessThanOrEqual(writes.after);
    // Compare with the source as it was at that moment: without what the writer added afterwards.
    await source.database.db
      .deleteFrom('device')
      .where('organisation_id', '=', writerOrg)
      .where(
        'asset_tag',
        'not in',
        Array.from({ length: captured }, (_, i) => `W-${i + 1}`),
      )
      .execute();
    await source.database.db.updateTable('organisation').set({ name }).where('id', '=', writerOrg).execute();
    expect(await dumpTables(target.database, false)).toEqual(await dumpTables(source.database, false));
    expect(await dumpStoredFiles(target)).toEqual(await dumpStoredFiles(source));
    expect(Object.keys(await dumpStoredFiles(target))).toHaveLength(2);
    expect(readFileSync(join(targetDir, 'secret.key'), 'utf8').trim()).toBe(
      readFileSync(join(sourceDir, 'secret.key'), 'utf8').trim(),
    );
  });

  it('refuses a second restore into the now filled installation, changing nothing', async () => {
    const before = await dumpTables(target!.database, false);
    const again = await iotcheck(['restore', file], targetDir);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/empty installation/);
    expect(await dumpTables(target!.database, false)).toEqual(before);
  });
});
