import { createServer, type Server, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, useE2eEnvironment } from './browser';

const OWNER = { email: 'kensa@example.jp', password: 'tadashii-hani-dake-2026' };

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/setup`);
  await page.getByLabel('組織名').fill('南工場');
  await page.getByLabel('メールアドレス').fill(OWNER.email);
  await page.getByLabel('パスワード').fill(OWNER.password);
  await page.getByRole('button', { name: '作成してサインイン' }).click();
  await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('南工場');
}

/** A TCP service of the test's own on a loopback address; it counts the connections it accepted. */
async function listen(host: string, port: number): Promise<{ server: Server; connections: () => number }> {
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.end('IOT-GW 1.0 ready\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.on('close', () => sockets.forEach((socket) => socket.destroy()));
  return { server, connections: () => accepted };
}

describe('device probes in Chromium', () => {
  const e2e = useE2eEnvironment();
  let port = 0;
  let inside: Awaited<ReturnType<typeof listen>>;
  let outside: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    port = await findFreePort();
    inside = await listen('127.0.42.2', port);
    // Outside the scope (127.0.42.0/29): the probe must never connect here.
    outside = await listen('127.0.43.1', port);
  });
  afterAll(async () => {
    await Promise.all([inside, outside].map((service) => new Promise((resolve) => service?.server.close(resolve))));
  });

  it('an admin declares a scope, dry-runs, runs, sees the open port, and an outside target is refused', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, e2e.server.url);

    // Probes are reached from the inventory, not from the menu.
    await page.getByTestId('nav-inventory').click();
    await page.getByTestId('open-probes').click();
    await page.getByTestId('new-scope').click();

    // A target that cannot be read is named at the targets field; nothing is created.
    await page.getByTestId('scope-name').fill('検証用ループバック');
    await page.getByTestId('scope-targets').fill('127.0.42.0/29\n999.1.2.3');
    await page.getByTestId('scope-save').click();
    await expect.poll(() => page.getByTestId('target-error').first().textContent()).toContain('999.1.2.3');

    await page.getByTestId('scope-targets').fill('127.0.42.0/29');
    await expect.poll(() => page.getByTestId('allow-credentials').isChecked()).toBe(false);
    await page.getByTestId('scope-save').click();
    const row = page.getByTestId('scope-row').filter({ hasText: '検証用ループバック' });
    await expect.poll(() => row.count()).toBe(1);

    // Dry run: one target × one port, and nothing is sent.
    await row.getByTestId('scope-run').click();
    await page.getByTestId('run-mode-subset').check();
    await page.getByTestId('run-subset').fill('127.0.42.2');
    await page.getByTestId('run-ports').fill(String(port));
    for (const check of ['telnet', 'ssh', 'tls', 'mqtt', 'http'])
      await page.getByTestId(`run-check-${check}`).uncheck();
    await page.getByTestId('run-dry').click();
    await expect.poll(() => page.getByTestId('plan-formula').getAttribute('data-connections')).toBe('1');
    expect(await page.getByTestId('plan-target').allTextContents()).toEqual(['127.0.42.2']);
    expect(inside.connections()).toBe(0);

    // A target outside the scope refuses the whole probe, with the message, before any packet.
    await page.getByTestId('run-subset').fill('127.0.42.2, 127.0.43.1');
    await page.getByTestId('run-start').click();
    await expect.poll(() => page.getByTestId('run-refused').textContent()).toContain('何も送信していません');
    expect(await page.getByTestId('run-refused').textContent()).toContain('127.0.43.1');
    expect(outside.connections()).toBe(0);
    expect(inside.connections()).toBe(0);

    // The real run: progress, then the open port and its observation.
    await page.getByTestId('run-subset').fill('127.0.42.2');
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('succeeded');
    const target = page.getByTestId('probe-target').filter({ hasText: '127.0.42.2' });
    await expect.poll(() => target.getByTestId('probe-target-ports').textContent()).toContain(String(port));
    await target.getByTestId('probe-target-toggle').click();
    const observation = page.locator(`[data-testid="observation"][data-check="ports"][data-port="${port}"]`);
    await expect.poll(() => observation.count()).toBe(1);
    expect(await observation.textContent()).toContain('ポートが開いている');
    // The reason is said in Japanese from its code, not in the engine's English.
    expect(await observation.getByTestId('observation-reason').textContent()).toBe(
      '開いています。想定ポートの一覧がないため判定できません',
    );
    expect(inside.connections()).toBeGreaterThan(0);
    expect(outside.connections()).toBe(0);

    // Per item: the open port is evidence for item 23.
    await page.getByTestId('run-tab-items').click();
    await expect
      .poll(() => page.locator('[data-testid="probe-item"][data-item="jssec-v2:23"]').textContent())
      .toContain('23');
    await context.close();
  });
});
