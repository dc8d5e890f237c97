import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'houkoku@example.jp', password: 'keiei-no-repooto-himitsu-26' };
const SHOTS = '/tmp/shots/lead12';

describe('the Reports page of an assessment', () => {
  const e2e = useE2eEnvironment();

  it('makes the management PDF and the checksheet workbook as background jobs and downloads them', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;

    await page.goto(`${url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('本社工場');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('本社工場');

    await page.goto(`${url}/assessments`);
    await page.getByTestId('open-new-system').click();
    await page.getByLabel('システム名').fill('ビル管理システム');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByTestId('system-block').getByText('評価を作成').click();
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/assessments\/[^/]+$/);

    // From the assessment to its Reports page; the management report as a PDF, in Japanese.
    await page.getByTestId('reports-link').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/reports$/);
    await page.getByTestId('make-management-pdf').click();
    const pdfRow = page.getByTestId('report-job').first();
    await expect.poll(() => pdfRow.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    const pdfHref = await pdfRow.getByTestId('report-download').getAttribute('href');
    const pdf = await page.request.get(`${url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfPath = join(tmpdir(), `iotcheck-e2e-report-${Date.now()}.pdf`);
    writeFileSync(pdfPath, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('ビル管理システム');
    // Item 1's title, as selectable text (wrapped lines joined).
    expect(text.replace(/\s+/g, '')).toContain('IoT機器、IoTシステムの守りたい機能と守りたい情報を明確にする');

    // The workbook, in English this time: a real XLSX (a ZIP container).
    await page.getByLabel('英語').check();
    await page.getByTestId('make-checksheet-xlsx').click();
    const xlsxRow = page.locator('[data-testid="report-job"]', { hasText: 'Excel' }).first();
    await expect.poll(() => xlsxRow.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    const href = await xlsxRow.getByTestId('report-download').getAttribute('href');
    const response = await page.request.get(`${url}${href}`);
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    writeFileSync(join(SHOTS, 'e2e-workbook.xlsx'), bytes);
    await page.screenshot({ path: join(SHOTS, 'e2e-reports-ja.png'), fullPage: true });

    // Another organisation's member, or nobody, cannot download it.
    const anonymous = await e2e.browser.newContext();
    const refused = await anonymous.request.get(`${url}${href}`);
    expect([401, 403, 404]).toContain(refused.status());
    await anonymous.close();
    await context.close();
  }, 180_000);
});
