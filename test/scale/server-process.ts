import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** One iotcheck server in its own process (`node bin/iotcheck.js serve`), as a load balancer would see it. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What the server wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGKILL: no shutdown, no lease handed back — a crash. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a server (`node bin/iotcheck.js serve`) with `env` on a free loopback port and waits for /api/health (up to 4 min: a busy shared machine compiles slowly). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await findFreePort();
  // The compiled server, as users run it: bin/iotcheck.js compiles src/ to dist/server/ once when the
  // build is missing or older than the sources (a second), and every later start loads the bundle
  // (seconds of CPU fewer than compiling the sources through tsx at each start). One process: it
  // imports the server itself, so a SIGKILL kills the real server (tsx's CLI would run it in a
  // child of its own and only relay signals, leaving it orphaned and still answering).
  const child = spawn(process.execPath, ['bin/iotcheck.js', 'serve'], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering:\n${stderr}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer ${url}/api/health within 4 min:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    stderr: () => stderr,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
