import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

describe('web shell in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('opens in the browser language, switches to Japanese and remembers it', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await expect.poll(() => page.getByTestId('nav-checksheet').textContent()).toBe('Checksheet');

    await page.getByTestId('language-switch').selectOption('ja');
    const navigation = page.getByRole('navigation', { name: 'メインナビゲーション' });
    await expect.poll(() => navigation.textContent()).toContain('チェックシート');
    expect(await navigation.textContent()).toContain('資産台帳');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    // Japanese headings use a real bold face, fetched beside the regular one, not a synthesised one.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.fonts]
            .filter((face) => face.family.includes('Noto Sans JP') && face.status === 'loaded')
            .map((face) => face.weight),
        ),
      )
      .toEqual(expect.arrayContaining(['400', '700']));

    await page.reload();
    await expect.poll(() => page.getByTestId('nav-inventory').textContent()).toBe('資産台帳');
    await page.getByTestId('nav-guidelines').click();
    // Pages are fetched on first visit: the address changes once the page's chunk has arrived.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/guidelines');
    // Organisation pages send visitors to sign in (first run: to setup).
    await page.getByTestId('nav-inventory').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await context.close();
  });

  it('serves deep links through the history fallback', async () => {
    const page = await e2e.browser.newPage({ locale: 'ja-JP' });
    const response = await page.goto(`${e2e.server.url}/guidelines`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ガイドライン');
    await page.close();
  });
});
