// The inventory at scale (issue 11): a seeded CSV of BENCH_DEVICES devices (default 1,000,000)
// imported through the real CLI on SQLite and on PostgreSQL, each beside its plain baseline
// (a prepared-insert loop; a COPY), with the importer's peak RSS; then the device list, facets
// and search through the HTTP API at that size, beside GET /api/health on the same path.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../../src/db/connect';
import type { DatabaseConfig } from '../../src/config/config';
import { migrateToLatest } from '../../src/db/migrate';
import { insertOrganisation } from '../../src/db/organisation.repository';
import { findPostgresBinaries, startPostgresCluster } from '../../src/testing/postgres-cluster';
import { report } from '../measure';
import { generateDevicesCsv } from './generate-devices';
import { measureQueries } from './query-bench';

const count = Number(process.env['BENCH_DEVICES'] ?? 1_000_000);
// The CLI runs the compiled dist/server/ and compiles it first when stale: do that before timing.
spawnSync(process.execPath, ['scripts/build-server.js'], { stdio: 'inherit' });
const csv = join(tmpdir(), `iotcheck-bench-devices-${count}.csv`);
if (!existsSync(csv)) await generateDevicesCsv(csv, count);
console.log(`\ninventory: ${count.toLocaleString('en')} devices (${csv})`);

/** Runs `iotcheck inventory import` against `database` under /usr/bin/time; wall ms and peak RSS in MB. */
function cliImport(database: DatabaseConfig, dataDir: string): { ms: number; rssMb: number } {
  const url = database.kind === 'sqlite' ? `sqlite:${database.file}` : database.url;
  const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'maxrss=%M'] : [];
  const args = [process.execPath, 'bin/iotcheck.js', 'inventory', 'import', csv, '--org', 'bench', '--json'];
  const [command, ...rest] = [...timeBin, ...args];
  const started = performance.now();
  const result = spawnSync(command!, rest, {
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'silent', LC_ALL: 'C' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`import failed (${result.status}): ${result.stderr}`);
  const outcome = JSON.parse(result.stdout) as { created: number };
  if (outcome.created !== count) throw new Error(`imported ${outcome.created} of ${count}`);
  const rss = /maxrss=(\d+)/.exec(result.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

function childJson(args: string[]): { ms: number; rows: number } {
  const result = spawnSync(process.execPath, ['bin/run-ts.js', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`baseline failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { ms: number; rows: number };
}

async function prepare(database: DatabaseConfig): Promise<void> {
  const opened = connectDatabase(database);
  await migrateToLatest(opened);
  const now = new Date().toISOString();
  await insertOrganisation(opened.db, {
    id: 'bench',
    slug: 'bench',
    name: 'Bench',
    requireTotp: false,
    createdAt: now,
  });
  await opened.close();
}

function printImport(
  dialect: string,
  ours: { ms: number; rssMb: number },
  baselines: ReadonlyArray<readonly [string, { ms: number }]>,
) {
  const rate = (ms: number) => count / (ms / 1000);
  for (const [name, baseline] of baselines) {
    report(`import ${dialect} (rows/s)`, rate(ours.ms), name, rate(baseline.ms), 'rows/s');
    console.log(`  → ${((baseline.ms / ours.ms) * 100).toFixed(0)} % of that baseline's throughput`);
  }
  console.log(
    `  importer (the whole CLI process): ${(ours.ms / 1000).toFixed(1)} s, peak RSS ${ours.rssMb.toFixed(0)} MB`,
  );
}

// SQLite: the CLI import, then the plain insert loop into another file on the same disk.
const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-bench-inventory-'));
const sqlite: DatabaseConfig = { kind: 'sqlite', file: join(dataDir, 'iotcheck.sqlite') };
try {
  await prepare(sqlite);
  const ours = cliImport(sqlite, dataDir);
  const plain = childJson(['bench/inventory/baseline-sqlite.ts', csv, join(dataDir, 'plain.sqlite')]);
  const table = childJson(['bench/inventory/baseline-device-table.ts', csv, join(dataDir, 'table.sqlite')]);
  printImport('SQLite', ours, [
    ['baseline: insert loop, device table', table],
    ['baseline: insert loop, plain table', plain],
  ]);
  await measureQueries(sqlite, 'bench');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

// PostgreSQL: a throwaway cluster; the CLI import, then a plain COPY of the same file.
const binaries = process.env['BENCH_DIALECTS'] === 'sqlite' ? undefined : findPostgresBinaries();
if (!binaries) {
  console.log('import PostgreSQL: skipped — BENCH_DIALECTS=sqlite, or no PostgreSQL binaries (initdb, pg_ctl) here');
} else {
  const cluster = await startPostgresCluster(binaries);
  const pgDir = mkdtempSync(join(tmpdir(), 'iotcheck-bench-inventory-pg-'));
  try {
    const admin = new URL(cluster.url);
    const database = (name: string) => Object.assign(new URL(admin.href), { pathname: `/${name}` }).href;
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await client.query('CREATE DATABASE bench_ours');
    await client.query('CREATE DATABASE bench_plain');
    await client.query('CREATE DATABASE bench_table');
    await client.end();
    const postgres: DatabaseConfig = { kind: 'postgres', url: database('bench_ours') };
    await prepare(postgres);
    const ours = cliImport(postgres, pgDir);
    const plain = childJson(['bench/inventory/baseline-postgres.ts', csv, database('bench_plain')]);
    const table = childJson(['bench/inventory/baseline-device-table.ts', csv, database('bench_table')]);
    printImport('PostgreSQL', ours, [
      ['baseline: COPY, device table', table],
      ['baseline: COPY, plain table', plain],
    ]);
  } finally {
    cluster.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}
