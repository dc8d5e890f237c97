import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/serve';
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

/** The real server on a fresh SQLite file and a free loopback port, serving the built web app. */
export async function startTestServer(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<RunningServer & { cleanup(): Promise<void> }> {
  if (!existsSync('dist/web/index.html'))
    throw new Error('dist/web is missing: run `npm run build` first (npm run test:e2e does).');
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-e2e-'));
  // A real port (not 0), so PUBLIC_URL and the links the server builds from it are reachable.
  const port = options.port ?? (await findFreePort());
  const server = await startServer(createTestConfig({ DATA_DIR: dir, PORT: String(port), ...options.env }));
  return {
    ...server,
    async cleanup() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server and browser of one e2e file, started before its tests and stopped after them. */
export interface E2eEnvironment {
  browser: Browser;
  server: RunningServer & { cleanup(): Promise<void> };
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
