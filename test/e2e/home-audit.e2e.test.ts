import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'owner@example.jp', password: 'soshiki-no-kanri-2026' };
const ASSESSOR = { email: 'sato@example.jp', password: 'hyouka-tantou-2042', name: '佐藤 愛子' };
const VIEWER = { email: 'suzuki@example.jp', password: 'etsuran-nomi-2042', name: '鈴木 一郎' };
const SHOTS = '/tmp/shots/ux-home-audit';

/** expect.poll with room for a busy machine (the default gives up after one second). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Calls the API from inside the page, with the session's CSRF token, as the SPA does. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
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
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

async function signIn(page: Page, baseUrl: string, credentials: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('メールアドレス').fill(credentials.email);
  await page.getByLabel('パスワード').fill(credentials.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await poll(() => page.getByTestId('account-link').isVisible()).toBe(true);
}

/** The test ids of the menu entries shown. */
async function menu(page: Page): Promise<string[]> {
  const links = await page.locator('nav[aria-label] a[data-testid^="nav-"]').all();
  return Promise.all(links.map(async (link) => (await link.getAttribute('data-testid')) ?? ''));
}

/** The header's height in CSS pixels: one row of controls is well under 70. */
async function headerHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0);
}

async function shoot(page: Page, name: string) {
  for (const language of ['ja', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-${language}.png`, fullPage: true });
  }
  await page.getByTestId('language-switch').selectOption('ja');
}

describe('home, audit log and navigation in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('leads to setup, shows the overview, a readable audit log, and a menu per role', async () => {
    const url = e2e.server.url;
    const viewport = { width: 1440, height: 900 };
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport, timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();

    // Before anyone exists, the home page's first step is the setup.
    await page.goto(url);
    await poll(() => page.getByTestId('first-step-link').textContent()).toBe('初期設定を始める');
    await expect.poll(() => page.title()).toBe('ホーム | iotcheck');
    expect(await menu(page)).toEqual(['nav-checksheet', 'nav-guidelines']);
    await shoot(page, 'home-first-run');
    await page.getByTestId('first-step-link').click();
    await poll(() => new URL(page.url()).pathname).toBe('/setup');
    await expect.poll(() => page.title()).toBe('初期設定 | iotcheck');
    await page.getByLabel('組織名').fill('株式会社サンプル製作所');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await poll(() => page.getByTestId('organisation-switch').textContent()).toContain('株式会社サンプル製作所');

    // Two colleagues join through invitations.
    const colleagues: { page: Page; context: BrowserContext }[] = [];
    for (const [person, role] of [
      [ASSESSOR, 'assessor'],
      [VIEWER, 'viewer'],
    ] as const) {
      const invitation = await api<{ url: string }>(page, 'POST', '/api/organisation/invitations', {
        email: person.email,
        role,
      });
      const other = await e2e.browser.newContext({ locale: 'ja-JP', viewport, timezoneId: 'Asia/Tokyo' });
      const otherPage = await other.newPage();
      await otherPage.goto(invitation.url);
      await poll(() => otherPage.getByRole('main').textContent()).toContain(
        `株式会社サンプル製作所に${role === 'assessor' ? '評価者' : '閲覧者'}として招待されています`,
      );
      await otherPage.getByLabel('表示名').fill(person.name);
      await otherPage.getByLabel('パスワード').fill(person.password);
      await otherPage.getByRole('button', { name: '参加する' }).click();
      await poll(() => otherPage.getByRole('status').textContent()).toContain('参加しました');
      await signIn(otherPage, url, person);
      colleagues.push({ page: otherPage, context: other });
    }
    const [assessor, viewer] = colleagues;
    if (!assessor || !viewer) throw new Error('colleagues missing');

    // Work to show: a system, an assessment, answers (one assigned to the assessor and overdue), a finding.
    const system = await api<{ id: string }>(page, 'POST', '/api/systems', {
      name: '第2工場 生産ライン監視',
      criticality: 'critical',
    });
    const assessment = await api<{ id: string }>(page, 'POST', '/api/assessments', {
      systemId: system.id,
      title: '2026年度 定期評価',
    });
    const people = await api<{ people: { userId: string; displayName: string }[] }>(
      page,
      'GET',
      '/api/organisation/people',
    );
    const assessorId = people.people.find((person) => person.displayName === ASSESSOR.name)?.userId ?? '';
    const viewerId = people.people.find((person) => person.displayName === VIEWER.name)?.userId ?? '';
    await api(page, 'POST', `/api/assessments/${assessment.id}/answers`, {
      answers: [
        { itemId: '1', version: 0, result: 'implemented' },
        { itemId: '2', version: 0, result: 'partial' },
        { itemId: '25', version: 0, result: 'not_implemented', assigneeUserId: assessorId, dueDate: '2026-01-15' },
        { itemId: '26', version: 0, result: 'unanswered', assigneeUserId: assessorId },
      ],
    });
    await api(assessor.page, 'PUT', `/api/assessments/${assessment.id}/answers/jssec-v2:25`, {
      version: 1,
      result: 'partial',
      comment:
        'カメラ 12 台のうち 8 台は初期パスワードを変更済み。残りは保守業者の訪問時（2026 年 12 月予定）に変更する。'.repeat(
          2,
        ),
    });
    await api(assessor.page, 'POST', `/api/assessments/${assessment.id}/findings`, {
      itemId: 'jssec-v2:25',
      issue: '監視カメラ 4 台が初期パスワードのまま',
      priority: 'high',
      dueDate: '2026-02-01',
    });

    // The assessor's home: their system, their items (one overdue), the finding, their own changes.
    await assessor.page.goto(url);
    const mine = assessor.page.getByTestId('home-my-items');
    await poll(() => mine.textContent()).toContain('No.25');
    expect(await mine.getByTestId('home-counts').textContent()).toBe('2 件（期限切れ 1 件）');
    expect(await mine.textContent()).toContain('期限切れ（2026-01-15）');
    expect(await assessor.page.getByTestId('home-systems').textContent()).toContain('第2工場 生産ライン監視');
    expect(await assessor.page.getByTestId('home-system-completion').textContent()).toContain('5%');
    expect(await assessor.page.getByTestId('home-findings').textContent()).toContain(
      '監視カメラ 4 台が初期パスワードのまま',
    );
    const own = assessor.page.getByTestId('home-activity');
    expect(await own.getByRole('heading').textContent()).toBe('自分の最近の変更');
    expect(await own.textContent()).toContain('指摘事項を登録');
    expect(await own.textContent()).not.toContain('評価を作成');
    await shoot(assessor.page, 'home-assessor');

    // Menus per role, and the header on one row at 1440 px.
    await page.goto(url);
    await poll(() => menu(page)).toEqual([
      'nav-checksheet',
      'nav-guidelines',
      'nav-assessments',
      'nav-inventory',
      'nav-vulnerabilities',
      'nav-incidents',
      'nav-organisation',
      'nav-audit',
    ]);
    expect(await menu(assessor.page)).toEqual([
      'nav-checksheet',
      'nav-guidelines',
      'nav-assessments',
      'nav-inventory',
      'nav-vulnerabilities',
      'nav-incidents',
    ]);
    await viewer.page.goto(url);
    await poll(() => viewer.page.getByTestId('home-systems').isVisible()).toBe(true);
    expect(await menu(viewer.page)).toEqual([
      'nav-checksheet',
      'nav-guidelines',
      'nav-assessments',
      'nav-inventory',
      'nav-vulnerabilities',
      'nav-incidents',
    ]);
    for (const shown of [page, assessor.page, viewer.page]) {
      expect(await headerHeight(shown)).toBeLessThan(70);
      await shown.getByTestId('language-switch').selectOption('en');
      expect(await headerHeight(shown)).toBeLessThan(70);
      await shown.getByTestId('language-switch').selectOption('ja');
    }
    // An assessor who types the address gets no member list and no invitation form.
    await assessor.page.goto(`${url}/organisation`);
    await poll(() => assessor.page.getByRole('alert').textContent()).toBe('この操作は許可されていません。');
    expect(await assessor.page.getByRole('button', { name: '招待リンクを作成' }).count()).toBe(0);

    // The owner's home: everyone's activity.
    await poll(() => page.getByTestId('home-activity').getByRole('heading').textContent()).toBe('最近の操作');
    expect(await page.getByTestId('home-activity').textContent()).toContain(ASSESSOR.name);
    await shoot(page, 'home-owner');

    // A role change asks first, then says it is saved.
    await page.getByTestId('nav-organisation').click();
    await expect.poll(() => page.title()).toBe('メンバーと招待 | iotcheck');
    const viewerRow = page.locator('tr', { hasText: VIEWER.email });
    await viewerRow.getByLabel('役割').selectOption('assessor');
    await poll(() => page.getByTestId('role-confirm').textContent()).toContain(
      `${VIEWER.name}の役割を「閲覧者」から「評価者」に変更しますか？`,
    );
    await shoot(page, 'members-confirm');
    expect(
      (
        await api<{ members: { userId: string; role: string }[] }>(page, 'GET', '/api/organisation/members')
      ).members.find((member) => member.userId === viewerId)?.role,
    ).toBe('viewer');
    await page.getByRole('button', { name: '変更する' }).click();
    await poll(() => page.getByTestId('role-saved').textContent()).toBe(
      `${VIEWER.name}の役割を「評価者」に変更しました。`,
    );
    await shoot(page, 'members-saved');

    // The audit log reads in Japanese: newest first, action names, named targets, before → after.
    await page.getByTestId('nav-audit').click();
    await expect.poll(() => page.title()).toBe('監査ログ | iotcheck');
    const rows = page.getByTestId('audit-row');
    await poll(() => rows.first().getAttribute('data-action')).toBe('member.role_changed');
    const roleRow = rows.first();
    expect(await roleRow.getByTestId('audit-action').textContent()).toBe('役割を変更');
    expect(await roleRow.getByTestId('audit-target').textContent()).toContain(VIEWER.name);
    // "役割: 閲覧者 → 評価者" (the colon is drawn by CSS).
    expect(await roleRow.getByTestId('audit-changes').textContent()).toBe('役割閲覧者→評価者');
    expect(await roleRow.locator('.audit-before').textContent()).toBe('閲覧者');
    expect(await roleRow.locator('.audit-after').textContent()).toBe('評価者');
    expect(await roleRow.locator('time').textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST$/);
    const answerRow = page
      .locator('[data-testid="audit-row"][data-action="answer.update"]', { hasText: ASSESSOR.name })
      .first();
    expect(await answerRow.getByTestId('audit-action').textContent()).toBe('回答を更新');
    expect(await answerRow.getByTestId('audit-target').textContent()).toContain('No.25');
    expect(await answerRow.getByTestId('audit-target').textContent()).toContain('2026年度 定期評価');
    expect(await answerRow.getByTestId('audit-changes').textContent()).toContain('回答未実施→一部実施');
    // The long comment is folded until opened.
    expect(await answerRow.locator('details.folded').count()).toBe(1);
    expect(await answerRow.locator('details.folded').getAttribute('open')).toBeNull();
    await shoot(page, 'audit');

    // Filters are lists: by person, then by action.
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('実行者').selectOption({ label: ASSESSOR.name });
    await filters.getByRole('button', { name: '絞り込む' }).click();
    const actions = async () => Promise.all((await rows.all()).map((row) => row.getAttribute('data-action')));
    await poll(actions).toEqual(['finding.create', 'answer.update', 'invitation.accept']);
    await filters.getByLabel('操作').selectOption({ label: '指摘事項を登録' });
    await filters.getByRole('button', { name: '絞り込む' }).click();
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('audit-target').textContent()).toContain(
      '監視カメラ 4 台が初期パスワードのまま',
    );

    // The answer buttons carry the same labels as everywhere else (一部実施, not 一部).
    await page.goto(`${url}/assessments/${assessment.id}`);
    await poll(() => page.locator('tr[data-item-id]').count()).toBe(60);
    await expect.poll(() => page.title()).toBe('2026年度 定期評価 | iotcheck');
    expect(await page.getByTestId('result-jssec-v2:2').textContent()).toContain('一部実施');
    await shoot(page, 'assessment');
    await page.getByTestId('nav-assessments').click();
    await poll(() => page.title()).toBe('評価 | iotcheck');
    await shoot(page, 'assessments');

    // After signing out, no organisation menus remain.
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/login');
    await poll(() => menu(page)).toEqual(['nav-checksheet', 'nav-guidelines']);
    await page.goto(url);
    await poll(() => page.getByTestId('first-step-link').textContent()).toBe('サインイン');
    await shoot(page, 'home-signed-out');

    for (const colleague of colleagues) await colleague.context.close();
    await context.close();
  }, 180_000);
});
