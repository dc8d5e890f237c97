import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'ux-owner@example.jp', password: 'kensa-no-himitsu-2026' };
// Screens for review at 1440×900 in both languages (not asserted on; looked at by people).
const SHOTS = '/tmp/shots/ux-assess';

async function shoot(page: Page, name: string): Promise<void> {
  // The language switch keeps the page's state (open forms, errors), unlike a reload.
  for (const language of ['ja', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await page.waitForFunction((chosen) => document.documentElement.lang === chosen, language);
    await page.screenshot({ path: `${SHOTS}/${name}-${language}.png`, fullPage: true });
  }
  await page.getByTestId('language-switch').selectOption('ja');
}

describe('assessment screens a new user meets, in Chromium (Japanese)', () => {
  const e2e = useE2eEnvironment({ env: { EVIDENCE_MAX_BYTES: String(64 * 1024) } });

  it('shows each refused field’s reason beside it, focuses the first row on open, and Escape closes the drawer', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;
    await page.goto(`${url}/setup`);
    await page.getByLabel('組織名').fill('株式会社サンプル製作所');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('サンプル製作所');

    // A blank system name (spaces pass the browser's own check): the server's reason, in Japanese, at the field.
    await page.getByTestId('nav-assessments').click();
    await page.getByTestId('open-new-system').click();
    await page.getByLabel('システム名').fill('   ');
    await page.getByRole('button', { name: '登録する' }).click();
    const nameError = page.getByTestId('field-error-name');
    await expect.poll(() => nameError.textContent()).toBe('空欄にはできません');
    expect(await page.getByLabel('システム名').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('form-error').textContent()).toContain('入力内容を確認してください。');
    // The reason sits inside the field's own label, not in a general message elsewhere.
    expect(await page.locator('label', { has: nameError }).locator('input[name="name"]').count()).toBe(1);
    await shoot(page, 'assessments-blank-name');

    await page.getByLabel('システム名').fill('受変電設備 監視');
    await page.getByRole('button', { name: '登録する' }).click();
    const system = page.getByTestId('system-block');
    await expect.poll(() => system.textContent()).toContain('受変電設備 監視');

    // An end before the start: named at the end date.
    await system.getByText('評価を作成').click();
    await page.getByLabel('評価期間（開始）').fill('2026-04-01');
    await page.getByLabel('評価期間（終了）').fill('2026-03-31');
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect
      .poll(() => page.getByTestId('field-error-periodEnd').textContent())
      .toBe('終了日が開始日より前になっています');
    expect(await page.getByTestId('field-error-periodStart').count()).toBe(0);
    await shoot(page, 'assessments-end-before-start');

    // Fixed, created and opened: the first row has focus, and "1" answers it at once.
    await page.getByLabel('評価期間（終了）').fill('2027-03-31');
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => page.locator('tr[data-item-id]').count()).toBe(60);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('answer-row-1');
    await page.keyboard.press('1');
    await expect.poll(() => page.getByTestId('answer-row-1').getAttribute('data-result')).toBe('implemented');
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 15_000 }).toBe('保存しました');

    // The drawer closes with Escape even after a click on plain text inside it.
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('item-drawer');
    await expect.poll(() => drawer.count()).toBe(1);
    await expect.poll(() => page.getByTestId('upload-limits').textContent()).toContain('64.0 KB');
    await drawer.locator('.drawer-path').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('answer-row-2');

    // An oversized or empty file is refused before it is sent.
    await page.keyboard.press('Enter');
    const input = page.getByTestId('evidence-file-input');
    await input.setInputFiles([
      { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
      { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(65 * 1024, 0x41) },
    ]);
    const refusals = page.getByTestId('upload-error');
    await expect.poll(() => refusals.count()).toBe(2);
    expect(await refusals.nth(0).textContent()).toContain('空のファイル');
    expect(await refusals.nth(1).textContent()).toContain('ファイルが大きすぎます');
    await page.screenshot({ path: `${SHOTS}/assessment-drawer-refused-ja.png`, fullPage: true });
    await page.keyboard.press('Escape');
    await shoot(page, 'assessment-page');

    // Completing with unanswered items asks first and names how many.
    await page.getByTestId('status-to-in_progress').click();
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('in_progress');
    let asked = '';
    await page.getByTestId('status-to-in_review').click();
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('in_review');
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByTestId('status-to-done').click();
    await expect.poll(() => asked).toContain('未回答: 59 項目');
    expect(await page.getByTestId('assessment-status').getAttribute('data-status')).toBe('in_review');

    // The dashboard: unanswered functions read 未回答, not 0 %.
    await page.getByTestId('dashboard-link').click();
    await expect.poll(() => page.getByTestId('function-score-RC').textContent()).toContain('未回答');
    await shoot(page, 'dashboard');
    await page.goto(`${url}/assessments`);
    await page.getByTestId('system-dashboard-link').first().click();
    await expect.poll(() => page.getByTestId('system-runs').locator('tbody tr').count()).toBe(1);
    await shoot(page, 'system-dashboard');
    await page.goto(`${url}/organisation`);
    await expect.poll(() => page.getByTestId('require-separate-reviewer').count()).toBe(1);
    await shoot(page, 'organisation-settings');
    await context.close();
  }, 240_000);
});
