import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'csirt@example.jp', password: 'incident-owner-passphrase-15' };
const SHOTS = '/tmp/shots/inc-web';
const LESSON = '保守用リモート接続の経路が台帳になく、遮断まで時間がかかった';

/** A JSON call through the page's own session (cookie + CSRF), as the SPA makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken?: string };
      const response = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

describe('the incident workspace', () => {
  const e2e = useE2eEnvironment();

  it('opens an incident on two devices, sends the vendor notification, closes it with a lesson that becomes a finding of the next assessment', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const url = e2e.server.url;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();

    await page.goto(`${url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('中央監視センター');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('中央監視センター');

    // A system with two devices of two manufacturers (arranged through the API; the inventory has its own tests).
    const system = await api<{ id: string }>(page, 'POST', '/api/systems', {
      name: '入退室管理システム',
      criticality: 'important',
    });
    const reader = await api<{ id: number }>(page, 'POST', '/api/inventory/devices', {
      assetTag: 'ACS-001',
      name: '正面玄関カードリーダー',
      manufacturer: 'Kanmon Security',
      model: 'KR-220',
      firmwareVersion: '3.1.4',
      serialNumber: 'KR220-0099812',
    });
    const camera = await api<{ id: number }>(page, 'POST', '/api/inventory/devices', {
      assetTag: 'CAM-014',
      name: '通用口カメラ',
      manufacturer: 'Nordlicht Optics',
      model: 'NL-C5',
      firmwareVersion: '2.0.7',
      serialNumber: 'NLC5-77A310',
    });
    await api(page, 'PUT', `/api/systems/${system.id}/devices`, { add: [reader.id, camera.id] });

    // Open the incident from the Incidents menu, picking both devices by search.
    await page.getByTestId('nav-incidents').click();
    await page.getByTestId('new-incident').click();
    const form = page.getByTestId('incident-form');
    await form.getByLabel('件名').fill('カードリーダーへの不審なログイン');
    await form.getByLabel('概要').fill('保守用アカウントで深夜にログインが繰り返された。');
    await form.getByLabel('重大度').selectOption('high');
    await form.getByRole('checkbox', { name: '入退室管理システム' }).check();
    await page.getByTestId('device-search').fill('ACS-001');
    await page.getByRole('button', { name: '追加: ACS-001' }).click();
    await page.getByTestId('device-search').fill('CAM');
    await page.getByRole('button', { name: '追加: CAM-014' }).click();
    await expect.poll(() => page.getByTestId('picked-devices').locator('li').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/e2e-create-ja.png`, fullPage: true });
    await page.getByTestId('create-incident').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/incidents\/[^/]+$/);
    const detail = page.getByTestId('incident-page');
    await expect.poll(() => detail.getAttribute('data-status')).toBe('detected');
    await expect.poll(() => page.getByTestId('incident-devices').locator('tbody tr').count()).toBe(2);

    // The vendor notification: one per manufacturer, pre-filled with that vendor's device facts only.
    const messages = page.getByTestId('vendor-message');
    await expect.poll(() => messages.count()).toBe(2);
    const kanmon = page.locator('[data-testid="vendor-message"][data-manufacturer="Kanmon Security"]');
    const kanmonBody = (await kanmon.getByTestId('vendor-body').textContent()) ?? '';
    for (const fact of ['KR-220', '3.1.4', 'KR220-0099812', 'ACS-001']) expect(kanmonBody).toContain(fact);
    expect(kanmonBody).not.toContain('NLC5-77A310');
    const subject = (await kanmon.getByTestId('vendor-subject').textContent()) ?? '';
    expect(subject.length).toBeGreaterThan(0);

    // Copied to the clipboard exactly as shown; the mailto link carries the same text.
    await kanmon.getByTestId('vendor-copy').click();
    await expect.poll(() => kanmon.getByTestId('vendor-copy').textContent()).toBe('コピーしました');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${subject}\n\n${kanmonBody}`);
    const mailto = (await kanmon.getByTestId('vendor-mailto').getAttribute('href')) ?? '';
    expect(mailto.startsWith('mailto:')).toBe(true);
    expect(decodeURIComponent(mailto.slice(mailto.indexOf('body=') + 5))).toBe(kanmonBody);

    // Marked as sent: a notification entry in the append-only timeline.
    await kanmon.getByTestId('vendor-mark-sent').click();
    await expect.poll(() => kanmon.getByTestId('vendor-mark-sent').textContent()).toBe('送信済みとして記録しました');
    await expect
      .poll(() => page.locator('[data-testid="timeline-entry"][data-kind="notification"]').count())
      .toBeGreaterThanOrEqual(1);

    // A note and its correction: the note stays, the correction points at it.
    await page.getByTestId('timeline-body').fill('保守業者に連絡済み（10:20）');
    await page.getByTestId('timeline-submit').click();
    const note = page.locator('[data-testid="timeline-entry"][data-kind="note"]').last();
    await expect.poll(() => note.textContent()).toContain('10:20');
    await note.getByRole('button', { name: 'この記録を訂正' }).click();
    await page.getByTestId('timeline-body').fill('保守業者への連絡は 10:40 だった');
    await page.getByTestId('timeline-submit').click();
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="correction"]').count()).toBe(1);
    await expect.poll(() => note.textContent()).toContain('10:20');

    // Forward through the life cycle (skipping eradication), then look at the page.
    await page.getByTestId('next-status').selectOption('contained');
    await page.getByTestId('move-status').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('contained');
    await page.getByTestId('next-status').selectOption('recovered');
    await page.getByTestId('move-status').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('recovered');
    await page.screenshot({ path: `${SHOTS}/e2e-incident-ja.png`, fullPage: true });

    // Close with a lesson on item 57.
    await page.getByTestId('open-close').click();
    const dialog = page.getByTestId('close-dialog');
    await dialog.getByTestId('lesson-item').selectOption('jssec-v2:57');
    await dialog.getByTestId('lesson-text').fill(LESSON);
    await dialog
      .getByTestId('lesson-recommendation')
      .fill('保守用の接続経路を資産台帳に登録し、遮断手順をプレイブックに加える');
    await dialog.getByTestId('lesson-owner').fill('設備管理課 山田');
    await page.screenshot({ path: `${SHOTS}/e2e-close-ja.png` });
    await dialog.getByTestId('close-submit').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('closed');
    await expect.poll(() => page.getByTestId('incident-lessons').textContent()).toContain(LESSON);

    // The report PDF: a background job on the server's worker, downloaded once it succeeded.
    await page.getByTestId('incident-pdf').click();
    const pdfJob = page.getByTestId('incident-pdf-job');
    await expect.poll(() => pdfJob.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    const pdfHref = (await pdfJob.locator('a').getAttribute('href')) ?? '';
    const pdfStart = await page.evaluate(async (href) => {
      const response = await fetch(href);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return `${response.headers.get('content-type')} ${String.fromCharCode(...bytes.slice(0, 5))}`;
    }, pdfHref);
    expect(pdfStart).toBe('application/pdf %PDF-');

    // Item 57 of the checksheet shows the lesson still waiting for the next assessment.
    await page.goto(`${url}/checksheet/items/57`);
    await expect.poll(() => page.getByTestId('pending-lessons').textContent()).toContain(LESSON);
    await page.getByTestId('pending-lessons').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/e2e-item-lessons-ja.png` });

    // The system's next assessment starts with the lesson as a finding on item 57.
    await page.goto(`${url}/assessments`);
    await page.getByTestId('system-block').getByText('評価を作成').click();
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/assessments\/[^/]+$/);
    await page.getByTestId('open-item-57').click();
    await expect.poll(() => page.getByTestId('finding-list').textContent()).toContain(LESSON);
    await page.screenshot({ path: `${SHOTS}/e2e-finding-ja.png` });

    // Carried over: the item no longer lists it as pending.
    await page.goto(`${url}/checksheet/items/57`);
    await expect.poll(() => page.getByTestId('item-page').count()).toBe(1);
    await expect.poll(() => page.getByTestId('pending-lessons').count()).toBe(0);
    await context.close();
  }, 240_000);
});
