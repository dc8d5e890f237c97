import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'owner@example.jp', password: 'shitsumon-hyou-2026' };
const PROVIDER = { email: 'vendor@acme.example.jp', password: 'bendaa-kaitou-2042', name: '山田 太郎' };
const SHOTS = '/tmp/shots/rep-vendor';

/** expect.poll with room for a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Calls the API from inside the page with the session's CSRF token, as the SPA does; returns status and body. */
async function call(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
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
      return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
    },
    { method, path, body },
  );
}

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const { status, json } = await call(page, method, path, body);
  if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
  return json as T;
}

async function shoot(page: Page, name: string) {
  for (const language of ['ja', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${SHOTS}/${name}-${language}.png`, fullPage: true });
  }
  await page.getByTestId('language-switch').selectOption('ja');
}

describe('vendor questionnaire in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('an assessor sends a link, the provider answers and submits, the answers are evidence; the provider sees nothing else', async () => {
    const url = e2e.server.url;
    const viewport = { width: 1440, height: 900 };
    const owner = await (
      await e2e.browser.newContext({ locale: 'ja-JP', viewport, timezoneId: 'Asia/Tokyo' })
    ).newPage();

    // The first owner, a system and an assessment.
    await owner.goto(`${url}/setup`);
    await owner.getByLabel('組織名').fill('株式会社サンプル製作所');
    await owner.getByLabel('メールアドレス').fill(OWNER.email);
    await owner.getByLabel('パスワード').fill(OWNER.password);
    await owner.getByRole('button', { name: '作成してサインイン' }).click();
    await poll(() => owner.getByTestId('organisation-switch').textContent()).toContain('株式会社サンプル製作所');
    const system = await api<{ id: string }>(owner, 'POST', '/api/systems', {
      name: '第2工場 生産ライン監視',
      criticality: 'critical',
    });
    const assessment = await api<{ id: string }>(owner, 'POST', '/api/assessments', {
      systemId: system.id,
      title: '2026年度 定期評価',
    });

    // A provider-role member joins through an invitation (not signed in afterwards).
    const invitation = await api<{ url: string }>(owner, 'POST', '/api/organisation/invitations', {
      email: PROVIDER.email,
      role: 'provider',
    });
    const provider = await (
      await e2e.browser.newContext({ locale: 'ja-JP', viewport, timezoneId: 'Asia/Tokyo' })
    ).newPage();
    await provider.goto(invitation.url);
    await provider.getByLabel('表示名').fill(PROVIDER.name);
    await provider.getByLabel('パスワード').fill(PROVIDER.password);
    await provider.getByRole('button', { name: '参加する' }).click();
    await poll(() => provider.getByRole('status').textContent()).toContain('参加しました');

    // The assessor's page: provider items pre-checked, the link shown once.
    await owner.goto(`${url}/assessments/${assessment.id}`);
    await owner.getByTestId('questionnaires-link').click();
    await poll(() => new URL(owner.url()).pathname).toBe(`/assessments/${assessment.id}/questionnaires`);
    await poll(() => owner.locator('[data-testid^="questionnaire-item-"]:checked').count()).toBe(20);
    expect(await owner.getByTestId('questionnaire-item-16').isChecked()).toBe(true);
    expect(await owner.getByTestId('questionnaire-item-1').isChecked()).toBe(false);
    await owner.getByTestId('questionnaire-provider-name').fill('アクメ設備株式会社');
    await owner.getByTestId('questionnaire-create-submit').click();
    await poll(() => owner.getByTestId('questionnaire-link').textContent()).toMatch(/\/questionnaires\/respond\//);
    const link = (await owner.getByTestId('questionnaire-link').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${url}/questionnaires/respond/[A-Za-z0-9_-]{43}$`));
    await poll(() => owner.getByTestId('questionnaire-state').textContent()).toBe('回答待ち');
    await shoot(owner, 'assessor-page');

    // The provider opens the link: sign-in first, then straight back to the questionnaire.
    await provider.goto(link);
    await poll(() => new URL(provider.url()).pathname).toBe('/login');
    await provider.getByLabel('メールアドレス').fill(PROVIDER.email);
    await provider.getByLabel('パスワード').fill(PROVIDER.password);
    await provider.getByRole('button', { name: 'サインイン' }).click();
    await poll(() => provider.url()).toBe(link);
    await poll(() => provider.getByTestId('questionnaire-question').count()).toBe(20);
    expect(await provider.getByTestId('questionnaire-cover').textContent()).toContain('第2工場 生産ライン監視');
    expect(await provider.locator('nav[aria-label] a[data-testid="nav-assessments"]').count()).toBe(0);

    // Submitting with questions left open is refused on the page; a draft keeps what was written.
    await provider.getByTestId('answer-16-yes').check();
    await provider.getByTestId('free-text-16').fill('ファームウェアは署名付きで配布しています。');
    await provider.getByTestId('questionnaire-submit').click();
    await poll(() => provider.getByTestId('questionnaire-unanswered').isVisible()).toBe(true);
    await provider.getByTestId('questionnaire-save').click();
    await poll(() => provider.getByTestId('questionnaire-saved').isVisible()).toBe(true);
    for (const question of await provider.getByTestId('questionnaire-question').all()) {
      const partly = question.locator('input[value="partly"]');
      if (!(await question.locator('input[value="yes"]').isChecked())) await partly.check();
    }
    await shoot(provider, 'provider-form');
    await provider.getByTestId('questionnaire-submit').click();
    await poll(() => provider.getByTestId('questionnaire-submitted').isVisible()).toBe(true);
    expect(await provider.getByTestId('answer-16-yes').isDisabled()).toBe(true);
    await shoot(provider, 'provider-submitted');

    // The provider reaches nothing else: pages send them home, the API refuses.
    for (const path of ['/assessments', `/assessments/${assessment.id}`, '/inventory']) {
      await provider.goto(`${url}${path}`);
      await poll(() => new URL(provider.url()).pathname).toBe('/');
      await poll(() => provider.getByTestId('provider-home').isVisible()).toBe(true);
    }
    await shoot(provider, 'provider-home');
    for (const path of ['/api/assessments', `/api/assessments/${assessment.id}`, '/api/inventory/devices', '/api/home'])
      expect((await call(provider, 'GET', path)).status).toBe(403);
    expect((await call(provider, 'GET', `/api/assessments/${assessment.id}/questionnaires`)).status).toBe(403);

    // The assessor sees the answers as evidence on the item, with their source; the result is unchanged.
    await owner.reload();
    await poll(() => owner.getByTestId('questionnaire-state').textContent()).toBe('提出済み');
    await owner.goto(`${url}/assessments/${assessment.id}?item=jssec-v2:16`);
    const body = owner.getByTestId('evidence-body-questionnaire');
    await poll(() => body.textContent()).toContain('ファームウェアは署名付きで配布しています。');
    expect(await body.textContent()).toContain(`Web フォームで提供者が回答（${PROVIDER.email}`);
    expect(await owner.getByTestId('evidence-list').textContent()).toContain(
      '提供者回答：アクメ設備株式会社（項目16）',
    );
    const detail = await api<{ answers: { itemId: string; result: string }[] }>(
      owner,
      'GET',
      `/api/assessments/${assessment.id}`,
    );
    expect(detail.answers.find((answer) => answer.itemId === 'jssec-v2:16')?.result ?? 'unanswered').toBe('unanswered');
    await owner.getByTestId('evidence-section').scrollIntoViewIfNeeded();
    await shoot(owner, 'assessor-evidence');
  }, 180_000); // a long flow (two people, 20 questions, eight screenshots) on a shared machine
});
