import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'owner@example.jp', password: 'gaidorain-no-himitsu-2026' };
const SHOTS = '/tmp/shots/guide-code';
const VIEWPORT = { width: 1440, height: 900 };

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

describe('guideline library and coverage in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('filters the library, opens a document, jumps to a linked checksheet item and back, and shows the coverage of JC-STAR ★1 with sources', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: VIEWPORT });
    const page = await context.newPage();
    const url = e2e.server.url;

    // The library, filtered to enterprise users + smart home.
    await page.goto(`${url}/guidelines`);
    await page.getByTestId('guideline-card').first().waitFor();
    const total = await page.getByTestId('guideline-card').count();
    await page.getByTestId('filter-audience').selectOption('enterprise_user');
    await page.getByTestId('filter-industry').selectOption('smart_home');
    await expect.poll(() => page.getByTestId('guideline-card').count()).toBeLessThan(total);
    const cards = page.getByTestId('guideline-card');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('企業利用者');
      expect(text).toMatch(/スマートホーム|汎用/);
    }
    await shoot(page, 'library-ja');

    // A document, then one of its linked checksheet items, and back.
    const title = (await cards.first().getByRole('link').textContent()) ?? '';
    await cards.first().getByRole('link').click();
    await expect.poll(() => page.getByTestId('document-title').textContent()).toBe(title);
    await expect.poll(() => page.getByTestId('guideline-item').count()).toBeGreaterThan(0);
    await shoot(page, 'document-ja');
    const link = page.getByTestId('checksheet-link').first();
    const target = (await link.getAttribute('href')) ?? '';
    expect(target).toMatch(/^\/checksheet\/items\/\d+$/);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(target);
    await expect.poll(() => page.getByTestId('other-guideline-link').count()).toBeGreaterThan(0);
    await page.getByTestId('other-guidelines').scrollIntoViewIfNeeded();
    await shoot(page, 'item-panel-ja');
    await page.goBack();
    await expect.poll(() => page.getByTestId('document-title').textContent()).toBe(title);
    await page.getByTestId('back-to-library').click();
    await expect.poll(() => page.getByTestId('filter-industry').inputValue()).toBe('smart_home');

    // An assessment, then its coverage of JC-STAR ★1 with the sources of one status.
    await page.goto(`${url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('本社');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('本社');
    await page.getByTestId('nav-assessments').click();
    await page.getByTestId('open-new-system').click();
    await page.getByLabel('システム名').fill('ビル設備監視');
    await page.getByLabel('最重要').check();
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByTestId('system-block').getByText('評価を作成').click();
    await page.getByLabel('評価のタイトル').fill('2026年度 評価');
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => page.locator('tr[data-item-id]').count()).toBe(60);
    await page.getByTestId('coverage-link').click();
    await page.getByTestId('coverage-framework').selectOption('jc-star-1');
    await expect.poll(() => page.getByTestId('coverage-row').count()).toBe(16);
    await expect.poll(() => page.locator('[data-testid="coverage-chart"] svg').count()).toBe(1);
    const rowWithSources = page
      .getByTestId('coverage-row')
      .filter({ has: page.getByTestId('show-sources') })
      .first();
    const shown = (await rowWithSources.getByTestId('show-sources').textContent()) ?? '';
    await rowWithSources.getByTestId('show-sources').click();
    const sources = page.getByTestId('coverage-source');
    await expect.poll(() => sources.count()).toBeGreaterThan(0);
    expect(shown).toContain(String(await sources.count()));
    expect(await sources.first().textContent()).toMatch(/^項目 \d+ — 未回答 · /);
    await shoot(page, 'coverage-ja');

    // The same pages in English.
    await shootInEnglish(page, url);
    await context.close();
  });
});

/** Switches the UI language and takes the English screenshots of the same pages. */
async function shootInEnglish(page: Page, url: string): Promise<void> {
  const coverageUrl = page.url();
  await page.evaluate(() => globalThis.localStorage.setItem('iotcheck.language', 'en'));
  await page.goto(`${url}/guidelines?audience=enterprise_user&industry=smart_home`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Guideline library');
  await shoot(page, 'library-en');
  await page.getByTestId('guideline-card').first().getByRole('link').click();
  await expect.poll(() => page.getByTestId('guideline-item').count()).toBeGreaterThan(0);
  await shoot(page, 'document-en');
  await page.getByTestId('checksheet-link').first().click();
  await expect.poll(() => page.getByTestId('other-guideline-link').count()).toBeGreaterThan(0);
  await page.getByTestId('other-guidelines').scrollIntoViewIfNeeded();
  await shoot(page, 'item-panel-en');
  await page.goto(coverageUrl);
  await expect.poll(() => page.getByTestId('coverage-row').count()).toBe(16);
  await page.getByTestId('show-sources').first().click();
  await expect.poll(() => page.getByTestId('coverage-source').count()).toBeGreaterThan(0);
  await shoot(page, 'coverage-en');
}
