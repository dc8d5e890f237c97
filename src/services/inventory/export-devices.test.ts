import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../../core/auth/actor';
import { DEVICE_EXPORT_HEADERS } from '../../core/inventory/device-export-columns';
import { seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { seedMemberActor } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { seedDevices } from '../../testing/test-devices';
import { exportDevices, type DeviceExportFormat } from './export-devices';
import { importDevices } from './import-devices';

describeEachDialect('export → import round trip', (database) => {
  const clock = createTestClock(new Date('2026-12-02T09:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-export-'));
  let source: UserActor;
  let target: UserActor;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    source = await seedMemberActor(database(), await seedOrganisation(database(), 'Source'), 'owner');
    target = await seedMemberActor(database(), await seedOrganisation(database(), 'Target'), 'owner');
    await seedDevices(database(), source.organisationId!, 40, (i) =>
      i === 0
        ? {
            assetTag: 'CAM-001',
            name: '正門, "北側" カメラ',
            deviceClass: 'camera',
            manufacturer: 'Acme',
            model: 'AC-100',
            hardwareVersion: 'rev B',
            serialNumber: 'S-0001',
            firmwareVersion: '1.2.3',
            firmwareUpdatedOn: '2026-01-15',
            ipAddresses: ['192.0.2.10', '2001:db8::1'],
            macAddresses: ['00:11:22:33:44:55', '00:11:22:33:44:56'],
            hostname: 'cam-001.local',
            networkZone: 'OT',
            internetExposure: 'outbound',
            site: '本社',
            building: 'A棟',
            floor: '3F',
            room: '=受付',
            latitude: 35.6812,
            longitude: 139.7671,
            owner: '総務部',
            maintainer: '保守株式会社',
            criticality: 'critical',
            dataClasses: ['personal', 'video_audio'],
            safetyRelevant: true,
            status: 'active',
            installedOn: '2024-04-01',
            acquisition: 'second_hand',
            supportUntil: '2028-03-31',
            endOfSale: '2026-03-31',
            endOfLife: '2030-03-31',
            cpes: ['cpe:2.3:h:acme:ac-100:-:*:*:*:*:*:*:*', 'cpe:2.3:o:acme:ac-100_firmware:1.2.3:*:*:*:*:*:*:*'],
            tags: ['屋外', 'PoE'],
          }
        : { manufacturer: i % 2 === 0 ? 'Acme' : 'Bosch', status: i % 7 === 0 ? 'disposed' : 'spare' },
    );
  });

  async function exportTo(actor: UserActor, format: DeviceExportFormat, name: string): Promise<string> {
    const path = join(dir, name);
    const out = createWriteStream(path);
    await exportDevices(deps(), { actor, filter: {}, format, out });
    if (format === 'csv') out.end();
    await finished(out);
    return path;
  }

  it('imports an exported CSV into another organisation and exports the same bytes again', async () => {
    const first = await exportTo(source, 'csv', 'first.csv');
    const text = readFileSync(first, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(DEVICE_EXPORT_HEADERS.join(','));
    // A value Excel would run as a formula is neutralised in the file and restored on import.
    expect(text).toContain(",'=受付,");
    const imported = await importDevices(deps(), { actor: target, path: first, fileName: 'first.csv' });
    expect(imported).toMatchObject({ created: 40, skipped: 0 });
    const camera = await database()
      .db.selectFrom('device')
      .select('room')
      .where('organisation_id', '=', target.organisationId!)
      .where('asset_tag', '=', 'CAM-001')
      .executeTakeFirstOrThrow();
    expect(camera.room).toBe('=受付');
    const second = await exportTo(target, 'csv', 'second.csv');
    expect(readFileSync(second, 'utf8')).toBe(text);
    // The same file into the organisation it came from changes nothing.
    const again = await importDevices(deps(), { actor: source, path: first, fileName: 'first.csv' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 40 });
  });

  it('imports an exported XLSX back unchanged', async () => {
    const path = await exportTo(source, 'xlsx', 'devices.xlsx');
    const result = await importDevices(deps(), { actor: source, path, fileName: 'devices.xlsx' });
    expect(result).toMatchObject({ format: 'xlsx', created: 0, updated: 0, unchanged: 40 });
  });
});
