import { describe, expect, it } from 'vitest';
import { useE2eEnvironment } from './browser';
import { callApi, setUpFirstOwner, uploadFolder } from './owner-session';

const OWNER = { organisation: '部品表倉庫', email: 'sbom@example.jp', password: 'buhin-hyou-wa-daiji-2026' };

/** A CycloneDX 1.6 SBOM of the MC-200 firmware: two components with purls. */
const CYCLONEDX = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    { type: 'library', name: 'busybox', version: '1.36.1', purl: 'pkg:generic/busybox@1.36.1' },
    { type: 'library', name: 'openssl', version: '3.0.13', purl: 'pkg:generic/openssl@3.0.13' },
  ],
});

/** The same without a component name: refused with the located problem. */
const CYCLONEDX_INVALID = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', version: '1.0' }],
});

/** An SPDX 2.3 document of one device: one package with a CPE. */
const SPDX = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'cam-001',
  dataLicense: 'CC0-1.0',
  documentNamespace: 'https://example.jp/spdx/cam-001',
  creationInfo: { created: '2026-11-30T00:00:00Z', creators: ['Tool: hand'] },
  packages: [
    {
      SPDXID: 'SPDXRef-fw',
      name: 'mc-200-firmware',
      versionInfo: '2.0.4',
      downloadLocation: 'NOASSERTION',
      externalRefs: [
        {
          referenceCategory: 'SECURITY',
          referenceType: 'cpe23Type',
          referenceLocator: 'cpe:2.3:o:midori:mc-200_firmware:2.0.4:*:*:*:*:*:*:*',
        },
      ],
    },
  ],
});

describe('SBOM and latest firmware screens in Chromium', () => {
  const e2e = useE2eEnvironment();

  it('uploads SBOMs for a model and a device, records the latest firmware and shows the device behind', async () => {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const url = e2e.server.url;
    await setUpFirstOwner(page, url, OWNER);
    const device = await callApi<{ id: number }>(page, 'POST', '/api/inventory/devices', {
      assetTag: 'CAM-001',
      name: 'CAM-001 カメラ',
      manufacturer: 'ミドリ電機',
      model: 'MC-200',
      firmwareVersion: '2.0.4',
    });
    const file = uploadFolder('sbom-e2e-');

    // The SBOM page, from the Vulnerabilities page: an invalid file is refused with its location.
    await page.getByTestId('nav-vulnerabilities').click();
    await page.getByTestId('vuln-sboms-link').click();
    await page.getByTestId('sbom-manufacturer').fill('ミドリ電機');
    await page.getByTestId('sbom-model').fill('MC-200');
    await page.getByTestId('sbom-file').setInputFiles(file('broken.cdx.json', CYCLONEDX_INVALID));
    await page.getByTestId('sbom-upload').click();
    const problem = page.getByTestId('sbom-upload-problem').first();
    await expect.poll(() => problem.textContent()).toMatch(/broken\.cdx\.json .*components\[0\]/);
    await expect.poll(() => page.getByTestId('sbom-list-empty').isVisible()).toBe(true);

    // A valid one is accepted with its component count, listed, and opens its components.
    await page.getByTestId('sbom-file').setInputFiles(file('mc-200.cdx.json', CYCLONEDX));
    await page.getByTestId('sbom-upload').click();
    await expect.poll(() => page.getByTestId('sbom-upload-result').textContent()).toContain('コンポーネント 2 件');
    const rows = page.getByTestId('sbom-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('sbom-component-count').textContent()).toBe('2');
    await rows.first().getByTestId('sbom-toggle').click();
    await expect.poll(() => page.getByTestId('sbom-component').count()).toBe(2);
    expect(await page.getByTestId('sbom-component').first().textContent()).toContain('pkg:generic/busybox@1.36.1');

    // The latest firmware page: record MC-200's latest version.
    await page
      .getByRole('link', { name: /脆弱性/ })
      .first()
      .click();
    await page.getByTestId('vuln-firmware-link').click();
    await page.getByTestId('firmware-manufacturer').fill('ミドリ電機');
    await page.getByTestId('firmware-model').fill('MC-200');
    await page.getByTestId('firmware-version').fill('2.1.0');
    await page.getByTestId('firmware-releasedOn').fill('2026-11-20');
    await page.getByTestId('firmware-save').click();
    await expect.poll(() => page.getByTestId('firmware-saved').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('firmware-row').first().textContent()).toContain('2.1.0');

    // The device: firmware behind the latest; the model's SBOM applies until the device has its own.
    await page.goto(`${url}/inventory/devices/${device.id}?tab=vulnerabilities`);
    const standing = page.getByTestId('device-firmware');
    await expect.poll(() => standing.getAttribute('data-standing')).toBe('behind');
    expect(await standing.textContent()).toContain('2.1.0');
    const deviceSboms = page.getByTestId('device-sboms');
    await expect.poll(() => deviceSboms.getByTestId('sbom-row').count()).toBe(1);
    await deviceSboms.getByTestId('sbom-file').setInputFiles(file('cam-001.spdx.json', SPDX));
    await deviceSboms.getByTestId('sbom-upload').click();
    await expect
      .poll(() => deviceSboms.getByTestId('sbom-upload-result').textContent())
      .toContain('コンポーネント 1 件');
    await expect.poll(() => deviceSboms.getByTestId('sbom-row').count()).toBe(2);
    expect(await deviceSboms.getByTestId('sbom-row').first().textContent()).toContain('SPDX 2.3');
    expect(await deviceSboms.getByTestId('sbom-row').nth(1).textContent()).toContain('未使用');

    // Recording the device's firmware as the latest clears the alert.
    await callApi(page, 'PUT', '/api/vulnerabilities/latest-firmware', {
      manufacturer: 'ミドリ電機',
      model: 'MC-200',
      version: '2.0.4',
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('device-firmware').getAttribute('data-standing')).toBe('current');
    await context.close();
  });
});
