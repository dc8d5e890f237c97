import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation } from '../../src/db/organisation.repository';
import { insertUser } from '../../src/db/user.repository';
import { findFreePort, launchChromium, startTestServer } from './browser';
import { startOidcProvider } from './oidc-provider';

describe('single sign-on with a real OpenID Connect provider, in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  beforeAll(async () => {
    const [serverPort, providerPort] = [await findFreePort(), await findFreePort()];
    provider = await startOidcProvider({
      port: providerPort,
      redirectUri: `http://127.0.0.1:${serverPort}/api/auth/oidc/callback`,
      clientId: 'iotcheck',
      clientSecret: 'test-only-client-secret',
    });
    server = await startTestServer({
      port: serverPort,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'iotcheck',
        OIDC_CLIENT_SECRET: 'test-only-client-secret',
        OIDC_DEFAULT_ORGANISATION: 'plant-a',
        OIDC_DEFAULT_ROLE: 'assessor',
      },
    });
    const now = new Date().toISOString();
    await insertOrganisation(server.database.db, {
      id: 'org-plant-a',
      slug: 'plant-a',
      name: 'A 工場',
      requireTotp: false,
      createdAt: now,
    });
    // Setup is done (an owner exists), so the sign-in page is shown rather than first-run setup.
    await insertUser(server.database.db, {
      id: 'owner-1',
      email: 'owner@example.jp',
      displayName: 'Owner',
      passwordHash: null,
      mustChangePassword: false,
      now,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    await provider?.close();
  });

  it('signs in through the provider and provisions the verified e-mail into the default organisation', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('sso-link').click();
    await expect.poll(() => page.url()).toContain(provider.issuer);
    await page.locator('input[name="login"]').fill('suzuki@example.jp');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // oidc-provider's development consent page.
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.url()).toBe(`${server.url}/`);
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('A 工場');
    expect(await page.getByTestId('organisation-switch').textContent()).toContain('評価者');

    const user = await server.database.db
      .selectFrom('app_user')
      .select(['email', 'password_hash'])
      .where('email', '=', 'suzuki@example.jp')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ email: 'suzuki@example.jp', password_hash: null });
    const actions = (await server.database.db.selectFrom('audit_event').select('action').execute()).map(
      (row) => row.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['user.provision', 'auth.login']));
    await page.close();
  });

  it('sends a tampered callback back to the sign-in page', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${server.url}/api/auth/oidc/callback?code=forged&state=forged`);
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/login?error=sso');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Single sign-on did not succeed');
    await page.close();
  });
});
