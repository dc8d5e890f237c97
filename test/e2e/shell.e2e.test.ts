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
    // Areas not built yet stay out of the menu, and signed-out visitors see no organisation pages.
    expect(await navigation.textContent()).not.toContain('資産台帳');
    expect(await navigation.textContent()).not.toContain('評価');
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
    await expect.poll(() => page.getByTestId('nav-checksheet').textContent()).toBe('チェックシート');
    await page.getByTestId('nav-checksheet').click();
    // Pages are fetched on first visit: the address changes once the page's chunk has arrived.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/checksheet');
    // Organisation pages send visitors to sign in (first run: to setup).
    await page.goto(`${e2e.server.url}/inventory`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await context.close();
  });

  it('serves deep links through the history fallback', async () => {
    const page = await e2e.browser.newPage({ locale: 'ja-JP' });
    const response = await page.goto(`${e2e.server.url}/guidelines`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ガイドライン集');
    await page.close();
  });
});
