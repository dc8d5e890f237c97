import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { userActor } from '../../src/core/auth/actor';
import { createDataFlow } from '../../src/services/inventory/create-data-flow';
import { createProvider } from '../../src/services/inventory/create-provider';
import { createStakeholder } from '../../src/services/inventory/create-stakeholder';
import { seedLinkedDevice } from '../../src/testing/seed-linked-device';
import { useE2eEnvironment } from './browser';

const OWNER = { email: 'daicho@example.jp', password: 'kiki-no-kanri-hyo-2026' };
const SHOTS = '/tmp/shots/inv-flows';

describe('a system’s stakeholders, providers and data-flow diagram, and inventory facts in an assessment', () => {
  const e2e = useE2eEnvironment();

  it('draws the flows, adds one through the form, and raises a finding from a fact', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const url = e2e.server.url;

    await page.goto(`${url}/login`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('組織名').fill('本社設備部');
    await page.getByLabel('メールアドレス').fill(OWNER.email);
    await page.getByLabel('パスワード').fill(OWNER.password);
    await page.getByRole('button', { name: '作成してサインイン' }).click();
    await expect.poll(() => page.getByTestId('organisation-switch').textContent()).toContain('本社設備部');

    await page.goto(`${url}/assessments`);
    await page.getByTestId('open-new-system').click();
    await page.getByLabel('システム名').fill('入退室管理システム');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByTestId('system-block').getByText('評価を作成').click();
    await page.getByRole('button', { name: '作成して開く' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/assessments\/[^/]+$/);
    const assessmentId = new URL(page.url()).pathname.split('/')[2]!;

    // Arrange the inventory through the same use cases the API calls.
    const { db } = e2e.server.database;
    const user = await db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
    const system = await db.selectFrom('iot_system').select(['id', 'organisation_id']).executeTakeFirstOrThrow();
    const organisationId = system.organisation_id;
    const actor = userActor({
      userId: user.id,
      email: OWNER.email,
      organisationId,
      role: 'owner',
      via: 'session',
      mustChangePassword: false,
    });
    const deps = { database: e2e.server.database, clock: () => new Date() };
    const camera = await seedLinkedDevice(e2e.server.database, organisationId, {
      systemId: system.id,
      fields: {
        assetTag: 'CAM-001',
        name: '正面玄関カメラ',
        owner: '総務部',
        site: '本社',
        supportUntil: '2024-03-31',
      },
    });
    const reader = await seedLinkedDevice(e2e.server.database, organisationId, {
      systemId: system.id,
      fields: { assetTag: 'RDR-014', name: 'カードリーダー 3F', supportUntil: '2031-03-31' },
    });
    const gateway = await seedLinkedDevice(e2e.server.database, organisationId, {
      systemId: system.id,
      fields: { assetTag: 'GW-002', name: '制御ゲートウェイ', owner: '設備課', site: '本社' },
    });
    const provider = await createProvider(deps, {
      actor,
      provider: {
        name: 'セキュアゲート株式会社',
        kind: 'integrator',
        contacts: [
          { name: '高橋 真理', role: '保守窓口', email: 'support@securegate.example.jp', phone: '03-5555-0101' },
        ],
        supportWindow: { until: '2030-03-31', note: '24 時間 365 日（電話）' },
        disclosureContact: 'psirt@securegate.example.jp',
        certifications: [
          { scheme: 'JC-STAR', level: '★1', registrationNumber: 'JC-2025-00123', validUntil: '2028-03-31' },
        ],
        contracts: [
          { title: '保守契約', startsOn: '2025-04-01', endsOn: '2028-03-31', dataOwnership: 'ログは当社に帰属' },
        ],
        dataOwnership: '入退室ログ・映像は当社に帰属し、契約終了時に消去する。',
      },
    });
    await db
      .updateTable('device')
      .set({ maintainer_provider_id: provider.id })
      .where('id', '=', Number(gateway))
      .execute();
    await createStakeholder(deps, {
      actor,
      stakeholder: {
        role: 'system_owner',
        name: '佐藤 一郎',
        affiliation: '総務部',
        contact: 'ichiro.sato@example.jp',
        deputyName: '鈴木 花子',
        deputyContact: '内線 2345',
        scopeKind: 'system',
        scopeId: system.id,
      },
    });
    await createStakeholder(deps, {
      actor,
      stakeholder: {
        role: 'maintainer',
        partyKind: 'organisation',
        name: 'セキュアゲート株式会社',
        contact: '03-5555-0101',
        scopeKind: 'system',
        scopeId: system.id,
      },
    });
    const flow = (from: string, to: Parameters<typeof createDataFlow>[1]['flow']['to'], rest: object) =>
      createDataFlow(deps, {
        actor,
        flow: { systemId: system.id, from: { kind: 'device', id: from }, to, protocol: 'HTTPS', ...rest },
      });
    await flow(
      camera,
      { kind: 'external', name: 'クラウド録画サービス', country: 'US' },
      {
        protocol: 'RTSP',
        port: 554,
        encrypted: 'no',
        dataClasses: ['video_audio', 'personal'],
      },
    );
    await flow(reader, { kind: 'system', id: system.id }, { protocol: 'MQTT', port: 1883, encrypted: 'unknown' });
    await flow(gateway, { kind: 'external', name: '保守リモート接続', country: 'JP' }, { port: 443, encrypted: 'yes' });

    // The system page: stakeholders with deputies, the maintaining provider, the diagram.
    await page.goto(`${url}/systems/${system.id}`);
    const section = page.getByTestId('system-inventory');
    await expect.poll(() => section.getByTestId('stakeholder-list').textContent()).toContain('鈴木 花子');
    await expect
      .poll(() => section.getByTestId('provider-summary').textContent())
      .toContain('JC-STAR ★1 JC-2025-00123');
    const diagram = page.getByTestId('data-flow-diagram');
    await expect.poll(() => diagram.getByTestId('data-flow-edge').count()).toBe(3);
    expect(await diagram.getByTestId('data-flow-external').count()).toBe(2);
    expect(await diagram.locator('[data-encrypted="no"][data-border="true"]').count()).toBe(1);
    expect(await diagram.textContent()).toContain('RTSP:554 → US');

    // Add a flow to a partner abroad through the form; the border is derived from the country.
    await page.getByTestId('add-data-flow').click();
    const form = page.getByTestId('data-flow-form');
    await form.locator('input[name="fromDeviceId"]').fill(reader);
    await form.locator('input[name="toName"]').fill('Access analytics GmbH');
    await form.locator('input[name="toCountry"]').fill('de');
    await form.locator('input[name="protocol"]').fill('HTTPS');
    await form.locator('input[name="port"]').fill('443');
    await form.locator('select[name="encrypted"]').selectOption('yes');
    await form.getByTestId('data-flow-submit').click();
    await expect.poll(() => diagram.getByTestId('data-flow-edge').count()).toBe(4);
    expect(await diagram.textContent()).toContain('HTTPS:443 → DE');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/system-inventory-ja.png`, fullPage: true });

    // Providers page.
    await page.goto(`${url}/inventory/providers`);
    await expect.poll(() => page.getByTestId('provider-list').textContent()).toContain('psirt@securegate.example.jp');
    await page.screenshot({ path: `${SHOTS}/providers-ja.png`, fullPage: true });
    await page.getByTestId('add-provider').click();
    await page.getByRole('button', { name: '認証を追加' }).click();
    await page.screenshot({ path: `${SHOTS}/provider-form-ja.png`, fullPage: true });
    await page.getByRole('button', { name: 'キャンセル' }).click();

    // Item 36 of the assessment: facts from the inventory, raised as a finding.
    await page.goto(`${url}/assessments/${assessmentId}`);
    await page.getByTestId('open-item-36').click();
    const facts = page.getByTestId('inventory-facts');
    await expect.poll(() => facts.textContent()).toContain('サポートが終了した機器 1 台（全 3 台中）');
    await facts.getByTestId('raise-finding').first().click();
    await expect
      .poll(() => page.getByTestId('finding-list').textContent())
      .toContain('サポートが終了した機器 1 台（全 3 台中）');
    // Raised once: that fact offers no second button, the other gap still does.
    await expect.poll(() => facts.getByTestId('raise-finding').count()).toBe(1);
    await facts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/assessment-facts-ja.png` });

    // The same screens in English.
    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => facts.textContent()).toContain('1 of 3 devices are past end of support');
    await facts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/assessment-facts-en.png` });
    await page.goto(`${url}/systems/${system.id}`);
    await expect.poll(() => page.getByTestId('system-inventory').textContent()).toContain('Deputy');
    await expect.poll(() => page.getByTestId('data-flow-edge').count()).toBe(4);
    await page.screenshot({ path: `${SHOTS}/system-inventory-en.png`, fullPage: true });
    await page.goto(`${url}/inventory/providers`);
    await expect
      .poll(() => page.getByTestId('provider-list').textContent())
      .toContain('Vulnerability disclosure contact');
    await page.screenshot({ path: `${SHOTS}/providers-en.png`, fullPage: true });
    await context.close();
  });
});
