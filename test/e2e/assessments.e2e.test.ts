import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'owner@example.jp', password: 'hyouka-no-himitsu-2026' };
const SHOTS = '/tmp';

/** The accessible numbers of the dashboard: per function and per category, in percent. */
async function readScores(
  page: Page,
): Promise<{ functions: Record<string, number>; categories: Record<string, number> }> {
  const read = async (selector: string, prefix: string) => {
    const rows = page.locator(selector);
    const result: Record<string, number> = {};
    for (const row of await rows.all()) {
      const testId = (await row.getAttribute('data-testid')) ?? '';
      result[testId.slice(prefix.length)] = Number(await row.getAttribute('data-score'));
    }
    return result;
  };
  return {
    functions: await read('[data-testid^="function-score-"]', 'function-score-'),
    categories: await read('[data-testid^="category-score-"]', 'category-score-'),
  };
}

/** A small real PDF, printed by Chromium itself. */
async function makePdf(page: Page, title: string): Promise<Buffer> {
  const printer = await page.context().newPage();
  await printer.setContent(
    `<html lang="ja"><body><h1>${title}</h1><p>ポートスキャン結果: 22/tcp のみ開放</p></body></html>`,
  );
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  return pdf;
}

describe('assessments in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('creates a system and an assessment, answers by keyboard, adds evidence, a finding and a review, and the dashboard follows', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 960 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    const url = e2e.server.url;

    // The first owner, through the setup page.
    await page.goto(`${url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('本社工場');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('本社工場');

    // A system, then an assessment of it.
    await page.getByTestId('nav-assessments').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('評価');
    await page.getByTestId('open-new-system').click();
    await page.getByLabel('システム名').fill('第 2 工場 生産ライン監視システム');
    await page.getByLabel('最重要').check();
    await page.getByLabel('対象業務').fill('生産設備の稼働監視');
    await page.getByLabel('インターネットから到達できる').check();
    await page.getByRole('button', { name: '登録する' }).click();
    const system = page.getByTestId('system-block');
    await expect.poll(() => system.textContent()).toContain('第 2 工場 生産ライン監視システム');
    expect(await system.textContent()).toContain('最重要');
    await system.getByText('評価を作成').click();
    await page.getByLabel('評価のタイトル').fill('2026年度 定期評価');
    await page.screenshot({ path: `${SHOTS}/iotcheck-assessments-list.png`, fullPage: true });
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/assessments\/[^/]+$/);
    const assessmentId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await expect.poll(() => page.getByTestId('assessment-title').textContent()).toBe('2026年度 定期評価');
    await expect.poll(() => page.locator('tr[data-item-id]').count()).toBe(60);

    await page.getByTestId('status-to-in_progress').click();
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('in_progress');

    // The dashboard before any answer.
    await page.getByTestId('dashboard-link').click();
    await expect.poll(() => page.locator('[data-testid="radar-chart"] svg').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid^="function-score-"]').count()).toBe(5);
    const before = await readScores(page);
    expect(Object.keys(before.categories)).toHaveLength(23);
    expect(before.functions['ID']).toBe(0);
    const radarBefore = await page.getByTestId('radar-chart').innerHTML();
    const barsBefore = await page.getByTestId('category-chart').innerHTML();
    await page.getByRole('link', { name: '回答に戻る' }).click();
    await expect.poll(() => page.locator('tr[data-item-id]').count()).toBe(60);

    // Ten answers with the keyboard: 1 implemented, 2 partial, 3 not implemented, j next.
    const keys = ['1', '1', '2', '1', '3', '1', '2', '3', '1', '1'];
    await page.getByTestId('answer-row-1').focus();
    for (const [index, key] of keys.entries()) {
      await page.keyboard.press(key);
      if (index < keys.length - 1) await page.keyboard.press('j');
    }
    // k k back to item 8: 4 clears it, 3 answers it again (both saved in turn).
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await page.keyboard.press('4');
    await page.keyboard.press('3');
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 15_000 }).toBe('保存しました');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => page.getByTestId(`answer-row-${index + 1}`).getAttribute('data-result')),
    );
    expect(results).toEqual([
      'implemented',
      'implemented',
      'partial',
      'implemented',
      'not_implemented',
      'implemented',
      'partial',
      'not_implemented',
      'implemented',
      'implemented',
    ]);
    expect(await page.getByTestId('save-state-1').textContent()).toContain('保存済み');

    // N on item 11 asks for the justification in the drawer; it saves once typed.
    await page.getByTestId('answer-row-11').focus();
    await page.keyboard.press('n');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('drawer-justification');
    expect(await page.getByTestId('answer-row-11').getAttribute('data-result')).toBe('unanswered');
    await page.keyboard.type('本システムは無線 LAN を使用しないため');
    await expect
      .poll(() => page.getByTestId('answer-row-11').getAttribute('data-result'), { timeout: 10_000 })
      .toBe('not_applicable');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('item-drawer').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('answer-row-11');

    // Someone else saves item 5 behind our back: both versions are shown, we keep ours.
    const me = (await (await page.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string };
    const detail = (await (await page.request.get(`${url}/api/assessments/${assessmentId}`)).json()) as {
      answers: { itemId: string; version: number }[];
    };
    const stored = detail.answers.find((answer) => answer.itemId === 'jssec-v2:5');
    const other = await page.request.put(`${url}/api/assessments/${assessmentId}/answers/jssec-v2:5`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: stored?.version ?? 0, result: 'partial', comment: '別の担当者が更新' },
    });
    expect(other.status()).toBe(200);
    await page.getByTestId('answer-row-5').focus();
    await page.keyboard.press('2');
    await page.keyboard.press('1');
    const conflict = page.getByTestId('conflict-panel');
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await page.getByTestId('save-indicator').textContent()).toBe('保存に失敗しました');
    expect(await conflict.getByTestId('conflict-mine-result').textContent()).toBe('実施済');
    expect(await conflict.getByTestId('conflict-theirs-result').textContent()).toBe('一部実施');
    await page.screenshot({ path: `${SHOTS}/iotcheck-assessment-conflict.png` });
    await conflict.getByTestId('conflict-keep-mine').click();
    await expect.poll(() => page.getByTestId('conflict-panel').count()).toBe(0);
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('保存しました');
    expect(await page.getByTestId('answer-row-5').getAttribute('data-result')).toBe('implemented');

    // A PDF as evidence of item 1 (file input) and of item 2 (dropped on the zone).
    const pdf = await makePdf(page, '脆弱性診断報告書');
    await page.getByTestId('answer-row-1').focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('item-drawer');
    await expect.poll(() => drawer.getByRole('heading', { level: 2 }).textContent()).toContain('01');
    await drawer
      .getByTestId('evidence-file-input')
      .setInputFiles({ name: '脆弱性診断報告書.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => drawer.getByTestId('evidence-entry').count()).toBe(1);
    expect(await drawer.getByTestId('evidence-entry').textContent()).toContain('脆弱性診断報告書.pdf');
    await expect.poll(() => page.getByTestId('evidence-count-1').textContent()).toBe('1');

    await page.getByTestId('open-item-2').click();
    await expect.poll(() => drawer.getByRole('heading', { level: 2 }).textContent()).toContain('02');
    const dataTransfer = await page.evaluateHandle(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'ネットワーク構成図.pdf', { type: 'application/pdf' }));
        return transfer;
      },
      [...pdf],
    );
    await drawer.getByTestId('evidence-dropzone').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => drawer.getByTestId('evidence-entry').count()).toBe(1);
    expect(await drawer.getByTestId('evidence-entry').textContent()).toContain('ネットワーク構成図.pdf');
    await expect.poll(() => page.getByTestId('evidence-count-2').textContent()).toBe('1');

    // A finding on item 5's neighbour, the not implemented item 8.
    await page.getByTestId('open-item-8').click();
    await expect.poll(() => drawer.getByRole('heading', { level: 2 }).textContent()).toContain('08');
    await drawer.getByTestId('finding-open').click();
    await drawer.getByLabel('問題点').fill('保守用 PC の持ち込みルールがない');
    await drawer.getByLabel('影響').fill('マルウェアが制御ネットワークに持ち込まれるおそれ');
    await drawer.getByLabel('推奨する対策').fill('持ち込み機器の登録と検疫手順を定める');
    await drawer.getByLabel('優先度').selectOption('high');
    await drawer.getByLabel('対応責任者').fill('生産技術課 佐藤');
    await drawer.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => drawer.getByTestId('finding-entry').count()).toBe(1);
    expect(await drawer.getByTestId('finding-entry').textContent()).toContain('保守用 PC の持ち込みルールがない');

    // Item 1: ready for review, then accepted by the owner.
    await page.getByTestId('open-item-1').click();
    await expect.poll(() => drawer.getByRole('heading', { level: 2 }).textContent()).toContain('01');
    await drawer.getByTestId('review-ready').click();
    await expect.poll(() => drawer.getByTestId('drawer-review-state').textContent()).toBe('レビュー待ち');
    await page.screenshot({ path: `${SHOTS}/iotcheck-assessment-drawer.png` });
    await drawer.getByTestId('review-accept').click();
    await expect.poll(() => drawer.getByTestId('drawer-review-state').textContent()).toBe('承認済み');
    await expect.poll(() => page.getByTestId('review-state-1').textContent()).toBe('承認済み');
    await drawer.getByText('変更履歴').click();
    await expect.poll(() => drawer.getByTestId('history-section').locator('li').count()).toBeGreaterThan(1);

    // 30 MB is over the limit: a clear message and nothing listed.
    await page.getByTestId('open-item-4').click();
    await expect.poll(() => drawer.getByRole('heading', { level: 2 }).textContent()).toContain('04');
    await drawer.getByTestId('evidence-file-input').setInputFiles({
      name: 'firmware-dump.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(30 * 1024 * 1024, 1),
    });
    const uploadError = drawer.getByTestId('upload-error');
    await expect.poll(() => uploadError.count(), { timeout: 30_000 }).toBe(1);
    expect(await uploadError.textContent()).toContain('ファイルが大きすぎます');
    expect(await drawer.getByTestId('evidence-entry').count()).toBe(0);
    expect(await page.getByTestId('evidence-count-4').textContent()).toBe('0');
    const listed = (await (
      await page.request.get(`${url}/api/evidence?assessmentId=${assessmentId}&itemId=jssec-v2:4`)
    ).json()) as { evidence: unknown[] };
    expect(listed.evidence).toHaveLength(0);
    await page.screenshot({ path: `${SHOTS}/iotcheck-assessment-too-large.png` });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${SHOTS}/iotcheck-assessment-page.png`, fullPage: true });

    // The dashboard has moved: identify (ID) and its categories scored, the charts redrawn.
    await page.getByTestId('dashboard-link').click();
    await expect.poll(async () => (await readScores(page)).functions['ID'], { timeout: 15_000 }).toBeGreaterThan(0);
    const after = await readScores(page);
    expect(after.functions['ID']).toBeGreaterThan(before.functions['ID'] ?? 0);
    expect(after.categories['ID.AM']).toBeGreaterThan(before.categories['ID.AM'] ?? 0);
    expect(after.functions['RC']).toBe(0);
    await expect.poll(() => page.getByTestId('radar-chart').innerHTML()).not.toBe(radarBefore);
    expect(await page.getByTestId('category-chart').innerHTML()).not.toBe(barsBefore);
    expect(await page.getByTestId('findings-open').getAttribute('data-count')).toBe('1');
    expect(
      Number(
        await page
          .getByTestId('overall-completion')
          .textContent()
          .then((text) => text?.replace('%', '')),
      ),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('top-gaps').locator('[data-testid="gap-row"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/iotcheck-dashboard.png`, fullPage: true });

    // The system's own dashboard lists this run with the same overall score.
    await page.goto(`${url}/assessments`);
    await page.getByTestId('system-dashboard-link').first().click();
    const runs = page.getByTestId('system-runs');
    await expect.poll(() => runs.locator('tbody tr').count()).toBe(1);
    const overall = (
      (await (await page.request.get(`${url}/api/assessments/${assessmentId}/scores`)).json()) as {
        overall: { score: number };
      }
    ).overall.score;
    await expect.poll(() => runs.locator('tbody tr td').first().textContent()).toBe(`${Math.round(overall * 100)}%`);
    expect(await page.getByTestId('system-trend-chart').innerHTML()).toContain('svg');

    expect(cspViolations).toEqual([]);
    await context.close();
  }, 240_000);
});
