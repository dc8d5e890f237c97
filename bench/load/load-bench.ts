// Load on the main read and write paths with autocannon on loopback: two iotcheck servers on one
// throwaway PostgreSQL (LOAD_DB=postgres, the default) or one server on SQLite (LOAD_DB=sqlite).
// Prints p50/p99 per path and server, errors (must be 0; 409 on answer saves is optimistic locking
// doing its job and is counted apart), and each server's RSS after warm-up and at the end.
//
//   npm run build && npm run bench:load                      # 60 s, PostgreSQL, 2 servers
//   LOAD_MINUTES=10 npm run bench:load                       # the figure of issue 16
//   LOAD_DB=sqlite LOAD_MINUTES=5 npm run bench:load         # SQLite, 1 server
//   LOAD_SECONDS=60 (default) LOAD_CONNECTIONS=64 (default) LOAD_DEVICES=5000 (default)
//
// Memory: RSS alone mixes live objects with memory V8 and the allocator keep for reuse, so each
// server also reports its heap after two forced full collections (memory-probe.mjs, SIGUSR2) after
// warm-up and at the end: a leak shows as a growing collected heap, not just a growing RSS.
// Report jobs: each server runs one job at a time; the bench prints how many were queued (202s),
// finished, and still waiting, with both rates, so a backlog is shown as what it is.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from '../../src/testing/postgres-cluster';
import { findFreePort } from '../../test/e2e/browser';
import { seedLoadData, type LoadSeed } from './seed-load';

const seconds = process.env['LOAD_MINUTES']
  ? Number(process.env['LOAD_MINUTES']) * 60
  : Number(process.env['LOAD_SECONDS'] ?? 60);
const dialect = process.env['LOAD_DB'] === 'sqlite' ? 'sqlite' : 'postgres';
const connections = Number(process.env['LOAD_CONNECTIONS'] ?? 64);
const devices = Number(process.env['LOAD_DEVICES'] ?? 5000);
const serverCount = dialect === 'postgres' ? 2 : 1;
/**
 * Load before the first RSS reading, so start-up allocation and JIT warm-up are not counted as
 * growth: a fifth of the run, at most a minute (the servers' memory settles within the first
 * minute under this load; the samples printed below show it). Growth from boot is printed too.
 */
const warmupSeconds = Math.min(60, Math.max(5, Math.round(seconds / 5)));

interface Server {
  readonly url: string;
  readonly process: ChildProcess;
  /** Where memory-probe.mjs writes this server's memory use when sent SIGUSR2. */
  readonly probeFile: string;
  /** Where memory-probe.mjs appends process.memoryUsage() every SAMPLE_MS (no collection). */
  readonly sampleFile: string;
}

/** How often each server writes its memory breakdown (memory-probe.mjs). */
const SAMPLE_MS = 10_000;

/** What memory-probe.mjs writes: process.memoryUsage() right after two full collections. */
interface CollectedMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

const root = mkdtempSync(join(tmpdir(), 'iotcheck-load-'));
let cluster: PostgresCluster | undefined;
const servers: Server[] = [];

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** RSS split as the kernel counts it: anonymous memory (heaps, malloc) and file pages (node's code, libraries). */
function rssSplit(pid: number): { anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { anon: kib('RssAnon'), file: kib('RssFile') + kib('RssShmem') };
}

interface MemorySample extends CollectedMemory {
  readonly at: number;
}

/** The samples memory-probe.mjs wrote so far (one JSON line each). */
function memorySamples(server: Server): MemorySample[] {
  if (!existsSync(server.sampleFile)) return [];
  return readFileSync(server.sampleFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MemorySample);
}

/** One line of where a server's memory sits: V8 heap, external (Buffers, native), and the rest (malloc, code, stacks). */
function describeMemory(sample: CollectedMemory): string {
  const rest = sample.rss - sample.heapTotal - sample.external;
  return (
    `rss ${formatMiB(sample.rss)} = heap ${formatMiB(sample.heapTotal)} (used ${formatMiB(sample.heapUsed)}) ` +
    `+ external ${formatMiB(sample.external)} (array buffers ${formatMiB(sample.arrayBuffers)}) + rest ${formatMiB(rest)}`
  );
}

async function startServer(index: number, databaseUrl: string | undefined, secretKey: string): Promise<Server> {
  const port = await findFreePort();
  const probeFile = join(root, `memory-${index}.json`);
  const sampleFile = join(root, `memory-samples-${index}.jsonl`);
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', pathToFileURL('bench/load/memory-probe.mjs').href, 'bin/iotcheck.js', 'serve'],
    {
      env: {
        ...process.env,
        IOTCHECK_MEMORY_PROBE_FILE: probeFile,
        IOTCHECK_MEMORY_SAMPLE_FILE: sampleFile,
        IOTCHECK_MEMORY_SAMPLE_MS: String(SAMPLE_MS),
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: join(root, `server-${index}`),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        SECRET_KEY: secretKey,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server ${index} exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, process: child, probeFile, sampleFile };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server ${index} was not ready within 120 s`);
}

interface PathLoad {
  readonly name: string;
  /** Share of all connections. */
  readonly share: number;
  /** Statuses that are expected behaviour rather than errors (409 on a stale answer version). */
  readonly expected: readonly number[];
  readonly options: (seed: LoadSeed) => Partial<autocannon.Options>;
}

const json = { 'content-type': 'application/json' };
const RESULTS = ['implemented', 'partial', 'not_implemented'] as const;

/** Per checksheet item, the newest answer version any load connection has seen. */
const latestVersion = new Map<string, number>();

const PATHS: readonly PathLoad[] = [
  {
    name: 'catalog search',
    share: 0.2,
    expected: [],
    options: () => ({
      requests: [
        { method: 'GET', path: `/api/catalog/search?q=${encodeURIComponent('パスワード')}` },
        { method: 'GET', path: '/api/catalog/search?q=firmware' },
      ],
    }),
  },
  {
    name: 'assessment read',
    share: 0.2,
    expected: [],
    options: (seed) => ({ requests: [{ method: 'GET', path: `/api/assessments/${seed.assessmentId}` }] }),
  },
  {
    name: 'answer save (versioned)',
    share: 0.25,
    expected: [409],
    options: (seed) => ({
      requests: [
        {
          method: 'PUT',
          headers: json,
          // Each connection edits one item at a time, with the version it last saw; two connections
          // on the same item meet optimistic locking (409 with the current answer, whose version it takes).
          setupRequest: (request, context: { itemId?: string; version?: number }) => {
            if (context.itemId === undefined) {
              const answer = seed.answers[Math.floor(Math.random() * seed.answers.length)]!;
              context.itemId = answer.itemId;
              // The newest version any connection has seen, not the seed's: other connections have
              // saved this item since, and the seed's version would be refused as stale.
              context.version = latestVersion.get(answer.itemId) ?? answer.version;
            }
            return {
              ...request,
              path: `/api/assessments/${seed.assessmentId}/answers/${encodeURIComponent(context.itemId)}`,
              body: JSON.stringify({
                version: context.version,
                result: RESULTS[Math.floor(Math.random() * RESULTS.length)],
                comment: `load ${randomBytes(4).toString('hex')}`,
              }),
            };
          },
          onResponse: (status, body, context: { itemId?: string; version?: number }) => {
            const parsed = JSON.parse(body) as { version?: number; current?: { version?: number } };
            if (status === 200) context.version = parsed.version;
            else if (status === 409) context.version = parsed.current?.version;
            if (context.itemId !== undefined && context.version !== undefined)
              latestVersion.set(context.itemId, Math.max(context.version, latestVersion.get(context.itemId) ?? 0));
            // Move on to another item now and then, so every item sees traffic.
            if (Math.random() < 0.2) context.itemId = undefined;
          },
        },
      ],
    }),
  },
  {
    name: 'inventory page',
    share: 0.25,
    expected: [],
    options: () => ({ requests: [{ method: 'GET', path: '/api/inventory/devices?limit=50' }] }),
  },
  {
    name: 'report job enqueue',
    share: 0.1,
    expected: [],
    options: (seed) => ({
      requests: [
        {
          method: 'POST',
          path: `/api/assessments/${seed.assessmentId}/reports`,
          headers: json,
          body: JSON.stringify({ kind: 'assessment-json', language: 'en' }),
        },
      ],
    }),
  },
];

/** Splits `total` connections over the paths by share and over the servers, at least one each. */
function connectionsOf(path: PathLoad): number {
  return Math.max(1, Math.round((connections * path.share) / serverCount));
}

function runLoad(seed: LoadSeed, durationSeconds: number) {
  return Promise.all(
    PATHS.flatMap((path) =>
      servers.map(async (server, index) => {
        const result = await autocannon({
          url: server.url,
          connections: connectionsOf(path),
          duration: durationSeconds,
          headers: { authorization: `Bearer ${seed.token}` },
          timeout: 30,
          ...path.options(seed),
        });
        return { path, server: index + 1, result };
      }),
    ),
  );
}

function statusCount(result: autocannon.Result, status: number): number {
  return result.statusCodeStats?.[`${status}`]?.count ?? 0;
}

/** Asks a server for its memory after two full collections (memory-probe.mjs) and waits for the answer. */
async function collectedMemory(server: Server): Promise<CollectedMemory> {
  rmSync(server.probeFile, { force: true });
  server.process.kill('SIGUSR2');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (existsSync(server.probeFile)) {
      try {
        return JSON.parse(readFileSync(server.probeFile, 'utf8')) as CollectedMemory;
      } catch {
        // written but not complete yet: read again
      }
    }
  }
  throw new Error('the server did not answer the memory probe (started without memory-probe.mjs?)');
}

interface JobCounts {
  readonly byStatus: Record<string, number>;
  /** Seconds between the first job queued and the last one finished. */
  readonly spanSeconds: number;
}

/** Counts the report jobs by status straight from the database (the API lists only the latest). */
async function countJobs(databaseUrl: string | undefined): Promise<JobCounts> {
  const query = `SELECT status, count(*) AS n, min(created_at) AS first, max(finished_at) AS last FROM job GROUP BY status`;
  let rows: { status: string; n: number | string; first: string | null; last: string | null }[];
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    rows = (await client.query(query)).rows;
    await client.end();
  } else {
    const database = new Sqlite(join(root, 'server-1', 'iotcheck.sqlite'), { readonly: true });
    rows = database.prepare(query).all() as typeof rows;
    database.close();
  }
  const firsts = rows.map((row) => row.first).filter((value): value is string => value !== null);
  const lasts = rows.map((row) => row.last).filter((value): value is string => value !== null);
  const spanSeconds =
    firsts.length && lasts.length
      ? (Math.max(...lasts.map(Date.parse)) - Math.min(...firsts.map(Date.parse))) / 1000
      : 0;
  return { byStatus: Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])), spanSeconds };
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

async function main(): Promise<void> {
  const secretKey = randomBytes(32).toString('base64');
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const binaries = findPostgresBinaries();
    if (!binaries) throw new Error('LOAD_DB=postgres needs initdb and pg_ctl (apt-get install postgresql)');
    cluster = await startPostgresCluster(binaries);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE iotcheck_load');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/iotcheck_load';
    databaseUrl = url.href;
  }
  // One after the other: the first applies the migrations, the second finds them applied.
  for (let index = 0; index < serverCount; index += 1)
    servers.push(await startServer(index + 1, databaseUrl, secretKey));
  const booted = servers.map((server) => rssBytes(server.process.pid!));
  const seed = await seedLoadData(servers[0]!.url, { devices });
  console.log(
    `load: ${dialect}, ${serverCount} server(s), ${connections} connections, ${seconds} s ` +
      `(after ${warmupSeconds} s warm-up), ${devices} devices, ${seed.answers.length} answers, ` +
      `HEAP_GROWTH_PERCENT=${process.env['HEAP_GROWTH_PERCENT'] ?? '30 (default)'}`,
  );

  const loadAtStart = loadavg();
  await runLoad(seed, warmupSeconds);
  const start = servers.map((server) => rssBytes(server.process.pid!));
  const splitStart = servers.map((server) => rssSplit(server.process.pid!));
  const measuredFrom = Date.now();
  const heapStart = await Promise.all(servers.map(collectedMemory));
  const runs = await runLoad(seed, seconds);
  const end = servers.map((server) => rssBytes(server.process.pid!));
  const splitEnd = servers.map((server) => rssSplit(server.process.pid!));
  const loadAtEnd = loadavg();
  const heapEnd = await Promise.all(servers.map(collectedMemory));
  const afterGc = servers.map((server) => rssBytes(server.process.pid!));

  console.log('');
  console.log('path                      server  requests   req/s   p50 ms   p99 ms  409  errors');
  let errors = 0;
  for (const { path, server, result } of runs) {
    const expected = path.expected.reduce((sum, status) => sum + statusCount(result, status), 0);
    const failed = result.errors + result.timeouts + result.non2xx - expected;
    errors += failed;
    console.log(
      `${path.name.padEnd(26)}${String(server).padStart(6)}${String(result.requests.total).padStart(10)}` +
        `${result.requests.average.toFixed(0).padStart(8)}${result.latency.p50.toFixed(1).padStart(9)}` +
        `${result.latency.p99.toFixed(1).padStart(9)}${String(expected).padStart(5)}${String(failed).padStart(8)}`,
    );
    if (failed > 0) console.log(`  statuses: ${JSON.stringify(result.statusCodeStats)} errors ${result.errors}`);
  }
  console.log('');
  servers.forEach((_, index) => {
    const growth = ((end[index]! - start[index]!) / start[index]!) * 100;
    console.log(
      `server ${index + 1} RSS: booted ${formatMiB(booted[index]!)}, after warm-up ${formatMiB(start[index]!)}, ` +
        `end ${formatMiB(end[index]!)}, growth ${growth.toFixed(1)} % (goal < 10 %); ` +
        `after full GC at the end ${formatMiB(afterGc[index]!)}`,
    );
    const fromBoot = ((end[index]! - booted[index]!) / booted[index]!) * 100;
    console.log(
      `  growth is measured from after the warm-up (start-up and JIT are not growth); ` +
        `from boot it is ${fromBoot.toFixed(1)} %`,
    );
    const [anonStart, anonEnd] = [splitStart[index]!, splitEnd[index]!];
    console.log(
      `  kernel split: anonymous ${formatMiB(anonStart.anon)} → ${formatMiB(anonEnd.anon)}, ` +
        `file-backed ${formatMiB(anonStart.file)} → ${formatMiB(anonEnd.file)}`,
    );
    const samples = memorySamples(servers[index]!).filter((sample) => sample.at >= measuredFrom - SAMPLE_MS);
    const step = Math.max(1, Math.round(samples.length / 6));
    samples.forEach((sample, at) => {
      if (at % step === 0 || at === samples.length - 1)
        console.log(`  +${((sample.at - measuredFrom) / 1000).toFixed(0).padStart(4)} s ${describeMemory(sample)}`);
    });
    const [before, after] = [heapStart[index]!, heapEnd[index]!];
    const heapGrowth = ((after.heapUsed - before.heapUsed) / before.heapUsed) * 100;
    console.log(
      `server ${index + 1} heap after full GC: after warm-up ${formatMiB(before.heapUsed)}, end ${formatMiB(after.heapUsed)} ` +
        `(${heapGrowth.toFixed(1)} %); external ${formatMiB(before.external)} → ${formatMiB(after.external)}, ` +
        `array buffers ${formatMiB(before.arrayBuffers)} → ${formatMiB(after.arrayBuffers)}`,
    );
  });
  const enqueued = runs
    .filter((run) => run.path.name === 'report job enqueue')
    .reduce((sum, run) => sum + statusCount(run.result, 202), 0);
  const jobs = await countJobs(databaseUrl);
  const finished = (jobs.byStatus['succeeded'] ?? 0) + (jobs.byStatus['failed'] ?? 0);
  const totalSeconds = warmupSeconds + seconds;
  console.log(
    `report jobs: ${JSON.stringify(jobs.byStatus)}; queued in the measured run ${enqueued} ` +
      `(≈ ${(enqueued / seconds).toFixed(1)}/s), finished ${finished} in ${jobs.spanSeconds.toFixed(0)} s ` +
      `(≈ ${(finished / Math.max(1, jobs.spanSeconds)).toFixed(1)}/s by ${serverCount} worker(s), one job at a time each)`,
  );
  if ((jobs.byStatus['queued'] ?? 0) > 0)
    console.log(
      `  the queue grew: jobs arrive faster than the workers run them (a backlog, not stuck jobs; ` +
        `they run after the load ends). The load lasted ${totalSeconds} s with warm-up.`,
    );
  const formatLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(' ');
  console.log(
    `load average (1/5/15 min): at the start ${formatLoad(loadAtStart)}, at the end ${formatLoad(loadAtEnd)}`,
  );
  console.log(`errors: ${errors} (must be 0)`);
  process.exitCode = errors === 0 ? 0 : 1;
}

try {
  await main();
} finally {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (server.process.exitCode !== null) return resolve();
          server.process.once('exit', () => resolve());
          server.process.kill('SIGTERM');
        }),
    ),
  );
  cluster?.stop();
  rmSync(root, { recursive: true, force: true });
}
