import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A throwaway PostgreSQL cluster on a free loopback port, owned by the test run. */
export interface PostgresCluster {
  readonly url: string;
  /**
   * `pg_ctl restart -m fast`: every connection is ended, the cluster is down for a moment, then back
   * on the same port. Asynchronous, so a test keeps sending requests meanwhile.
   */
  restart(): Promise<void>;
  stop(): void;
}

/** Debian keeps server binaries in /usr/lib/postgresql/<major>/bin, newest first. */
function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => `${root}/${major}/bin/`);
}

/** Finds initdb and pg_ctl on PATH or in Debian's versioned folders; undefined when absent. */
export function findPostgresBinaries(): { initdb: string; pgCtl: string } | undefined {
  for (const dir of ['', ...debianBinDirs()]) {
    const initdb = `${dir}initdb`;
    if (spawnSync(initdb, ['--version']).status === 0) return { initdb, pgCtl: `${dir}pg_ctl` };
  }
  return undefined;
}

async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a cluster with initdb + pg_ctl. initdb refuses to run as root, so as root the cluster
 * runs as the `postgres` user (runuser) in a directory that user owns.
 */
export async function startPostgresCluster(binaries: { initdb: string; pgCtl: string }): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-pg-'));
  const dataDir = join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]): void => {
    const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (isRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
    chmodSync(dir, 0o700);
  }
  const port = await findFreePort();
  run(binaries.initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
  const settings = [
    'listen_addresses=127.0.0.1',
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'max_connections=200',
  ];
  const options = [`-p ${port} -k ${dir}`, ...settings.map((setting) => `-c ${setting}`)].join(' ');
  run(binaries.pgCtl, ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      const args = ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-m', 'fast', '-w', 'restart'];
      const [file, argv] = isRoot
        ? ['runuser', ['-u', 'postgres', '--', binaries.pgCtl, ...args]]
        : [binaries.pgCtl, args];
      await promisify(execFile)(file, argv);
    },
    stop() {
      try {
        run(binaries.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
