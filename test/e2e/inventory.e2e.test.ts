import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';
import { callApi } from './owner-session';

const OWNER = { email: 'daicho@example.jp', password: 'kura-no-kagi-wa-hitotsu-2026' };

/** A small device list as a Japanese office keeps it: Japanese headers and enumeration words. */
const DEVICES_CSV = [
  '資産番号,機器名,種別,メーカー,型番,シリアル番号,ファームウェア,IPアドレス,状態,サポート終了日',
  'CAM-001,受付カメラ,監視カメラ,ミドリ電機,MC-200,SN-0001,2.1.0,192.0.2.11,稼働中,2027-03-31',
  'CAM-002,搬入口カメラ,監視カメラ,ミドリ電機,MC-200,SN-0002,2.0.4,192.0.2.12,稼働中,2027-03-31',
  'GW-001,空調ゲートウェイ,ゲートウェイ,アオバ製作所,AG-10,SN-1001,1.4,192.0.2.21,予備,',
].join('\r\n');

/** Signs the owner in; on a fresh server, creates them (and the organisation) through setup first. */
async function signIn(page: Page, url: string): Promise<void> {
  const { needed } = (await (await fetch(`${url}/api/auth/setup`)).json()) as { needed: boolean };
  await page.goto(`${url}/login`);
  if (needed) {
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('中央倉庫');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
  } else {
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: 'サインイン' }).click();
  }
  await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('中央倉庫');
}

describe('the inventory in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('imports a CSV, filters by manufacturer, bulk-sets the site of all matching devices and shows it in the history', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;

    await signIn(page, url);

    // The menu leads to the (empty) inventory, and from there to the import page.
    await page.getByTestId('nav-inventory').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('資産台帳');
    await expect.poll(() => page.getByTestId('inventory-empty').count()).toBe(1);
    await page.getByTestId('open-import').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('機器の取り込み');

    // A dry run first: three new devices, nothing written; then the import itself.
    await page.getByTestId('import-file').setInputFiles({
      name: '機器一覧.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(DEVICES_CSV, 'utf8'),
    });
    await page.getByTestId('import-dry-run').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-dry-run')).toBe('true');
    expect(await page.getByTestId('import-created').locator('dd').textContent()).toBe('3');
    const afterDryRun = await page.evaluate(async () => (await fetch('/api/inventory/devices')).json());
    expect((afterDryRun as { devices: unknown[] }).devices).toHaveLength(0);
    await page.getByTestId('import-run').click();
    await expect.poll(() => result.getAttribute('data-dry-run')).toBe('false');
    expect(await page.getByTestId('import-created').locator('dd').textContent()).toBe('3');

    // The table lists them; the manufacturer facet counts and filters (and the URL keeps the filter).
    await page.goto(`${url}/inventory`);
    await expect.poll(() => page.getByTestId('device-row').count()).toBe(3);
    const midori = page.getByTestId('facet-manufacturer').locator('[data-value="ミドリ電機"]');
    await expect.poll(() => midori.locator('.facet-count').textContent()).toBe('2');
    await midori.click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('manufacturer')).toEqual(['ミドリ電機']);
    await expect.poll(() => page.getByTestId('device-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('matching-count').textContent()).toBe('該当 2 台');

    // Select one, widen to everything that matches, and set the site of all of them at once.
    await page.getByTestId('select-row').first().check();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('1 台を選択中');
    await page.getByTestId('select-all-matching').click();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('条件に合う 2 台すべてを選択中');
    await page.getByTestId('open-bulk-edit').click();
    const dialog = page.getByTestId('bulk-dialog');
    await dialog.getByLabel('拠点').fill('大阪第二倉庫');
    await dialog.getByTestId('bulk-apply').click();
    await expect.poll(() => page.getByTestId('inventory-notice').textContent()).toBe('2 台を変更しました。');
    const siteFacet = page.getByTestId('facet-site').locator('[data-value="大阪第二倉庫"]');
    await expect.poll(() => siteFacet.locator('.facet-count').textContent()).toBe('2');
    // The device of the other manufacturer kept its (empty) site.
    const aoba = (await page.evaluate(async () =>
      (
        await fetch('/api/inventory/devices?manufacturer=%E3%82%A2%E3%82%AA%E3%83%90%E8%A3%BD%E4%BD%9C%E6%89%80')
      ).json(),
    )) as { devices: { site: string }[] };
    expect(aoba.devices.map((device) => device.site)).toEqual(['']);

    // The device page shows the new site and, in its history, the bulk change after the import.
    await page.getByTestId('device-link').filter({ hasText: 'CAM-001' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/inventory\/devices\/\d+$/);
    await expect.poll(() => page.getByTestId('device-title').textContent()).toContain('受付カメラ');
    expect(await page.getByTestId('field-site').locator('dd').textContent()).toBe('大阪第二倉庫');
    const change = page
      .getByTestId('history-change')
      .filter({ has: page.locator('ins') })
      .first();
    await expect.poll(() => change.getAttribute('data-field')).toBe('site');
    expect(await change.locator('ins').textContent()).toBe('大阪第二倉庫');
    await expect
      .poll(() =>
        page.getByTestId('history-entry').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action'))),
      )
      .toEqual(['update', 'import']);
    await context.close();
  }, 180_000);

  it('edits a device and, when someone saved first, shows their version and saves over it', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;
    await signIn(page, url);
    const created = (await callApi(page, 'POST', '/api/inventory/devices', {
      assetTag: 'MTR-001',
      name: '電力メーター',
      deviceClass: 'meter',
    })) as { id: number };

    await page.goto(`${url}/inventory/devices/${created.id}`);
    await page.getByTestId('edit-device').click();
    await page.getByLabel('部屋', { exact: true }).fill('305');
    // Meanwhile someone else sets the room.
    await callApi(page, 'PATCH', `/api/inventory/devices/${created.id}`, { version: 1, room: '地下電気室' });
    await page.getByTestId('device-save').click();
    const conflict = page.getByTestId('device-conflict');
    await expect.poll(() => conflict.textContent()).toContain('地下電気室');
    expect(await conflict.textContent()).toContain('305');
    await page.getByTestId('conflict-save-mine').click();
    await expect.poll(() => page.getByTestId('field-room').locator('dd').textContent()).toBe('305');
    await expect
      .poll(() => page.getByTestId('history-change').filter({ hasText: '部屋' }).allTextContents())
      .toEqual(['部屋地下電気室 → 305', '部屋— → 地下電気室']);
    await context.close();
  }, 120_000);
});
