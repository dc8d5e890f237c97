import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/integrations/auth/totp';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'owner@example.jp', password: 'kanri-no-himitsu-2026' };

async function signIn(page: Page, baseUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('メールアドレス').fill(credentials.email);
  await page.getByLabel('パスワード').fill(credentials.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
}

describe('accounts in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('sets up the first owner, enrols TOTP with the QR code, and signs in again with a code', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('本社工場');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill('password1234');
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toContain('よく使われるパスワードや機器の初期パスワードは使えません');
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('本社工場');

    await page.getByTestId('account-link').click();
    await page.getByRole('button', { name: '2 段階認証を設定する' }).click();
    await expect.poll(() => page.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel('認証アプリの 6 桁のコード').fill(currentTotpCode(secret, new Date()));
    await page.getByRole('button', { name: '有効にする' }).click();
    await expect.poll(() => page.getByTestId('totp-state').textContent()).toContain('有効です');
    // The recovery codes are shown once, right after enrolment.
    expect(await page.getByTestId('recovery-codes').locator('code').count()).toBe(10);

    await page.getByRole('button', { name: 'サインアウト' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await signIn(page, e2e.server.url, OWNER);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('2 段階認証');
    // A fresh code: the enrolment code's time step may not be used twice.
    await new Promise((resolve) => setTimeout(resolve, (30 - (new Date().getSeconds() % 30) + 1) * 1000));
    await page.getByLabel('6 桁のコードまたはリカバリーコード').fill(currentTotpCode(secret, new Date()));
    await page.getByRole('button', { name: '確認' }).click();
    await expect.poll(() => page.getByTestId('account-link').isVisible()).toBe(true);

    // Invite an assessor; they choose a password on the invitation page and sign in.
    await page.getByTestId('nav-organisation').click();
    await page.getByLabel('メールアドレス').fill('sato@example.jp');
    await page.getByRole('button', { name: '招待リンクを作成' }).click();
    const link = (await page.getByTestId('invitation-url').textContent()) ?? '';
    expect(link).toContain('/invitations/');
    const invitee = await e2e.browser.newContext({ locale: 'ja-JP' });
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(link);
    await inviteePage.getByLabel('パスワード').fill('hinshitsu-kanri-2042');
    await inviteePage.getByRole('button', { name: '参加する' }).click();
    await expect.poll(() => inviteePage.getByRole('status').textContent()).toContain('参加しました');
    await signIn(inviteePage, e2e.server.url, { email: 'sato@example.jp', password: 'hinshitsu-kanri-2042' });
    await expect.poll(() => inviteePage.getByTestId('organisation-switch').textContent()).toContain('評価者');
    expect(await inviteePage.getByTestId('nav-audit').count()).toBe(0);
    await invitee.close();

    // The owner sees all of it in the audit log.
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('招待に参加');
    expect(await table.textContent()).toContain('組織を作成');
    await context.close();
  }, 120_000);
});
