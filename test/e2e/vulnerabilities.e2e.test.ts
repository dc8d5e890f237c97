import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';
import { callApi, setUpFirstOwner, uploadFolder } from './owner-session';

const OWNER = { organisation: '中央倉庫', email: 'zeijaku@example.jp', password: 'kagi-wa-futatsu-irimasu-2026' };

/**
 * A JVN iPedia VULDEF document (getVulnDetailInfo) written for this test, so it does not depend on
 * ../shared: the firmware of ミドリ電機 MC-200 before 2.1.0 is affected; CAM-001 runs 2.1.0
 * (fixed), CAM-002 runs 2.0.4.
 */
const JVN_VULDEF = `<?xml version="1.0" encoding="UTF-8"?>
<VULDEF-Document version="3.2" xml:lang="ja">
  <Vulinfo>
    <VulinfoID>JVNDB-2026-990001</VulinfoID>
    <VulinfoData>
      <Title>ミドリ電機製ネットワークカメラ MC-200 における認証回避の脆弱性</Title>
      <VulinfoDescription><Overview>管理画面の認証を回避される可能性があります。</Overview></VulinfoDescription>
      <Affected>
        <AffectedItem>
          <Name>ミドリ電機</Name>
          <ProductName>MC-200</ProductName>
          <Cpe version="2.2">cpe:/o:midori:mc-200_firmware</Cpe>
          <VersionNumber>2.1.0 未満</VersionNumber>
        </AffectedItem>
      </Affected>
      <Impact>
        <Cvss version="3.0">
          <Severity type="Base">Critical</Severity>
          <Base>9.8</Base>
          <Vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</Vector>
        </Cvss>
      </Impact>
      <Solution><SolutionItem><Description>[アップデートする] ファームウェアを 2.1.0 以降へ更新してください。</Description></SolutionItem></Solution>
      <Related>
        <RelatedItem type="advisory"><Name>Common Vulnerabilities and Exposures (CVE)</Name><VulinfoID>CVE-2026-99001</VulinfoID></RelatedItem>
      </Related>
      <DateFirstPublished>2026-11-20T00:00:00+09:00</DateFirstPublished>
      <DateLastUpdated>2026-11-28T00:00:00+09:00</DateLastUpdated>
    </VulinfoData>
  </Vulinfo>
</VULDEF-Document>
`;

const FIRMWARE_CPE = 'cpe:2.3:o:midori:mc-300_firmware:*:*:*:*:*:*:*:*';
const HARDWARE_CPE = 'cpe:2.3:h:midori:mc-300:-:*:*:*:*:*:*:*';

/** An NVD CVE API 2.0 page: MC-300 firmware before 3.0.0, on the MC-300 hardware (version `-`), as an AND. */
const NVD_AND_PAGE = JSON.stringify({
  format: 'NVD_CVE',
  version: '2.0',
  vulnerabilities: [
    {
      cve: {
        id: 'CVE-2026-99002',
        published: '2026-11-21T00:00:00.000',
        lastModified: '2026-11-22T00:00:00.000',
        vulnStatus: 'Analyzed',
        descriptions: [{ lang: 'en', value: 'Command injection in the MC-300 web console.' }],
        configurations: [
          {
            operator: 'AND',
            nodes: [
              {
                operator: 'OR',
                cpeMatch: [
                  { vulnerable: true, criteria: FIRMWARE_CPE, versionEndExcluding: '3.0.0', matchCriteriaId: 'a' },
                ],
              },
              { operator: 'OR', cpeMatch: [{ vulnerable: false, criteria: HARDWARE_CPE, matchCriteriaId: 'b' }] },
            ],
          },
        ],
      },
    },
  ],
});

// Screens for review at 1440×900 in both languages (looked at by people).
const SHOTS = '/tmp/shots/vuln-why';

describe('vulnerabilities in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('imports a JVN file, shows the affected device, triages its model as not affected and item 39 changes', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;
    await setUpFirstOwner(page, url, OWNER);

    // Two cameras of the affected model (one already fixed) in a system, and an assessment of it.
    const system = await callApi<{ id: string }>(page, 'POST', '/api/systems', {
      name: '倉庫監視',
      criticality: 'important',
    });
    for (const [assetTag, firmwareVersion] of [
      ['CAM-001', '2.1.0'],
      ['CAM-002', '2.0.4'],
    ] as const) {
      const device = await callApi<{ id: number }>(page, 'POST', '/api/inventory/devices', {
        assetTag,
        name: `${assetTag} カメラ`,
        manufacturer: 'ミドリ電機',
        model: 'MC-200',
        firmwareVersion,
        cpes: ['cpe:2.3:o:midori:mc-200_firmware:*:*:*:*:*:*:*:*'],
      });
      expect(device.id).toBeDefined();
      await callApi(page, 'PUT', `/api/systems/${system.id}/devices`, { add: [device.id] });
    }
    const assessment = await callApi<{ id: string }>(page, 'POST', '/api/assessments', {
      systemId: system.id,
      title: '倉庫監視 2026',
    });

    // Import through the page and follow the job to its result.
    const file = uploadFolder('vuln-e2e-')('jvndb-2026-990001.xml', JVN_VULDEF);
    await page.getByTestId('nav-vulnerabilities').click();
    await page.getByTestId('vuln-import-link').click();
    await page.getByTestId('vuln-import-file').setInputFiles(file);
    await page.getByTestId('vuln-import-source').selectOption('jvn');
    await page.getByTestId('vuln-import-submit').click();
    await expect
      .poll(() => page.getByTestId('vuln-job').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('succeeded');
    await expect.poll(() => page.getByTestId('import-inserted').textContent()).toContain('1');

    // The advisory lists CAM-002 only (CAM-001 runs the fixed firmware).
    await page.getByTestId('vuln-import-open').click();
    await page.getByRole('link', { name: 'JVNDB-2026-990001' }).click();
    const devices = page.getByTestId('affected-device');
    await expect.poll(() => devices.count()).toBe(1);
    expect(await devices.first().getAttribute('data-asset-tag')).toBe('CAM-002');

    // Item 39 shows the open match first.
    const evidenceOf39 = async () => {
      const evidence = await callApi<{ items: Record<string, { key: string; count: number }[]> }>(
        page,
        'GET',
        `/api/assessments/${assessment.id}/machine-evidence`,
      );
      return evidence.items['jssec-v2:39']?.find((entry) => entry.key === 'openMatches')?.count;
    };
    expect(await evidenceOf39()).toBe(1);

    // not_affected without a justification is refused in the form; with one it is saved for the model.
    const form = page.getByTestId('triage-panel');
    await form.getByTestId('triage-target').selectOption({ label: '機種: ミドリ電機 MC-200' });
    await form.getByTestId('triage-status-select').selectOption('not_affected');
    await form.getByTestId('triage-save').click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('理由が必要');
    await form.getByTestId('triage-justification').selectOption('protected_at_perimeter');
    await form.getByTestId('triage-detail').fill('外部から到達できないセグメントに設置');
    await form.getByTestId('triage-save').click();
    await expect.poll(() => form.getByTestId('triage-saved').isVisible()).toBe(true);
    await expect
      .poll(() => devices.first().getByTestId('triage-status').getAttribute('data-status'))
      .toBe('not_affected');

    // Item 39 of the assessment: no open match any more, shown on the item.
    expect(await evidenceOf39()).toBe(0);
    await page.goto(`${url}/assessments/${assessment.id}?item=jssec-v2:39`);
    const openMatches = page.locator('[data-testid="machine-evidence-entry"][data-key="openMatches"]');
    await expect.poll(() => openMatches.getAttribute('data-count'), { timeout: 20_000 }).toBe('0');
    await context.close();
  });

  it("says a CPE's '-' as not applicable in the affected device's why, in ja and en", async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain(OWNER.organisation);
    await callApi(page, 'POST', '/api/inventory/devices', {
      assetTag: 'CAM-301',
      name: 'CAM-301 カメラ',
      manufacturer: 'ミドリ電機',
      model: 'MC-300',
      firmwareVersion: '2.4.0',
      cpes: [FIRMWARE_CPE, HARDWARE_CPE],
    });

    await page.getByTestId('nav-vulnerabilities').click();
    await page.getByTestId('vuln-import-link').click();
    await page.getByTestId('vuln-import-file').setInputFiles(uploadFolder('vuln-e2e-')('nvd.json', NVD_AND_PAGE));
    await page.getByTestId('vuln-import-source').selectOption('nvd');
    await page.getByTestId('vuln-import-submit').click();
    await expect
      .poll(() => page.getByTestId('vuln-job').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('succeeded');
    await page.getByTestId('vuln-import-open').click();
    // An NVD record has no title of its own: its row in the list shows the id alone.
    const row = page.locator('[data-testid="advisory-row"][data-tracking-id="CVE-2026-99002"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.advisory-title').count()).toBe(0);
    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId('language-switch').selectOption(language);
      await page.waitForFunction((chosen) => document.documentElement.lang === chosen, language);
      await page.screenshot({ path: `${SHOTS}/advisories-${language}.png`, fullPage: true });
    }
    await page.getByRole('link', { name: 'CVE-2026-99002' }).click();
    // An NVD record has no title of its own (it is titled with its id): the heading says the id once.
    await expect.poll(() => page.getByTestId('advisory-title').textContent()).toBe('CVE-2026-99002');
    const why = page.getByTestId('affected-device').first().getByTestId('why');
    const expected = {
      ja: ['midori mc-300_firmware', '動作環境: midori mc-300（バージョン: 該当なし）'],
      en: ['midori mc-300_firmware', 'on midori mc-300 (version: not applicable)'],
    };
    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId('language-switch').selectOption(language);
      await page.waitForFunction((chosen) => document.documentElement.lang === chosen, language);
      await expect.poll(() => why.getByTestId('why-platform').textContent()).toBe(expected[language][1]);
      expect(await why.getByTestId('why-product').textContent()).toBe(expected[language][0]);
      await page.screenshot({ path: `${SHOTS}/advisory-${language}.png`, fullPage: true });
    }
    await context.close();
  });
});
