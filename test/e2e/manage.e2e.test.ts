import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'kanri@example.jp', password: 'hensyu-to-sakujo-2026' };
const SHOTS = '/tmp';

describe('editing and deleting, search and the fiscal year in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('creates an assessment for this 年度, edits and deletes it and its system; the search query survives Back', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const url = e2e.server.url;

    await page.goto(`${url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('管理部');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('管理部');

    // Search: tags and zero-padded CSF codes find items; the query is in the URL and survives Back.
    await page.goto(`${url}/checksheet`);
    await page.getByRole('searchbox', { name: 'チェックシートを検索' }).fill('初期パスワード');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => page.getByTestId('search-result-25').count()).toBe(1);
    expect(await page.locator('.search-snippet mark').count()).toBeGreaterThan(0);
    await page.getByTestId('search-result-25').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/checksheet/items/25');
    await page.goBack();
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'チェックシートを検索' }).inputValue())
      .toBe('初期パスワード');
    await expect.poll(() => page.getByTestId('search-result-25').count()).toBe(1);

    // A system and an assessment: the default title and period follow the Japanese fiscal year.
    await page.goto(`${url}/assessments`);
    await page.getByTestId('open-new-system').click();
    await page.getByLabel('システム名').fill('受付カメラ');
    await page.getByRole('button', { name: '登録する' }).click();
    const system = page.getByTestId('system-block');
    await expect.poll(() => system.textContent()).toContain('受付カメラ');
    await system.getByText('評価を作成').click();
    const today = new Date();
    const fiscal = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
    expect(await page.getByLabel('評価のタイトル').inputValue()).toBe(`${fiscal}年度 評価`);
    expect(await page.getByLabel('評価期間（開始）').inputValue()).toBe(`${fiscal}-04-01`);
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/assessments\/[^/]+$/);

    // Back on the list: the period is shown; edit the title, then delete the assessment and the system.
    await page.goto(`${url}/assessments`);
    const row = page.getByTestId('assessment-summary');
    await expect.poll(() => row.textContent()).toContain(`${fiscal}-04-01 – ${fiscal + 1}-03-31`);
    await row.getByTestId('edit-assessment').click();
    await row.getByLabel('評価のタイトル').fill('受付カメラ 臨時点検');
    await row.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.textContent()).toContain('受付カメラ 臨時点検');
    await page.screenshot({ path: `${SHOTS}/iotcheck-manage-ja.png`, fullPage: true });
    await row.getByTestId('delete-assessment').click();
    await expect.poll(() => page.getByTestId('assessment-summary').count()).toBe(0);
    await page.getByTestId('delete-system').click();
    await expect.poll(() => page.getByTestId('system-block').count()).toBe(0);

    // Both deletions are in the audit trail.
    const audit = await page.evaluate(async () => (await fetch('/api/organisation/audit')).json());
    const actions = (audit as { entries: { action: string }[] }).entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['assessment.update', 'assessment.delete', 'system.delete']));
    await context.close();
  }, 180_000);
});
