import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { connectDatabase } from '../../src/db/connect';
import type { Database } from '../../src/db/database';
import { createTestConfig } from '../../src/testing/test-config';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this sandbox needs. Fails loudly when absent. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required for end-to-end tests: install Debian's chromium package (${CHROMIUM_PATH}).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A free TCP port on loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A running iotcheck server, and a connection of our own to its database for arranging data. */
export interface E2eServer {
  readonly url: string;
  readonly database: Database;
  cleanup(): Promise<void>;
}

/**
 * The server as users run it — `bin/iotcheck.js serve`, the compiled build and the built web app —
 * in its own process, on a fresh SQLite file and a free loopback port.
 */
export async function startTestServer(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<E2eServer> {
  if (!existsSync('dist/web/index.html'))
    throw new Error('dist/web is missing: run `npm run build` first (npm run test:e2e does).');
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-e2e-'));
  // A real port (not 0), so PUBLIC_URL and the links the server builds from it are reachable.
  const port = options.port ?? (await findFreePort());
  const env = { LOG_LEVEL: 'silent', DATA_DIR: dir, PORT: String(port), ...options.env };
  const child = spawn(process.execPath, ['bin/iotcheck.js', 'serve'], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilHealthy(url, exited);
  } catch (error) {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  const database = connectDatabase(createTestConfig(env).database);
  return {
    url,
    database,
    async cleanup() {
      await database.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilHealthy(url: string, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before it answered`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server did not answer ${url}/api/health within 60 s`);
}

/** The server and browser of one e2e file, started before its tests and stopped after them. */
export interface E2eEnvironment {
  browser: Browser;
  server: E2eServer;
}

export function useE2eEnvironment(options: { port?: number; env?: Record<string, string> } = {}): E2eEnvironment {
  const environment = {} as E2eEnvironment;
  beforeAll(async () => {
    environment.server = await startTestServer(options);
    environment.browser = await launchChromium();
  });
  afterAll(async () => {
    await environment.browser?.close();
    await environment.server?.cleanup();
  });
  return environment;
}
