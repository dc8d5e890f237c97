import { beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../../core/auth/actor';
import { isDomainError } from '../../core/domain-error';
import { readFacetCounts, rebuildFacetCounts } from '../../db/inventory/device-facets.repository';
import { seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { seedMemberActor } from '../../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../../testing/test-database';
import { seedDevices } from '../../testing/test-devices';
import { bulkEditDevices } from './bulk-edit-devices';
import { createDevice } from './create-device';
import { deleteDevice } from './delete-device';
import { getDevice } from './get-device';
import { getFacets } from './get-facets';
import { listDeviceHistory } from './list-device-history';
import { updateDevice } from './update-device';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (isDomainError(error) ? error : undefined),
  );

/** The kept counts must equal a recount from the devices, whatever was written. */
async function expectCountsKept(database: TestDatabase, organisationId: string) {
  const kept = await readFacetCounts(database.db, organisationId);
  await database.db.transaction().execute((transaction) => rebuildFacetCounts(transaction, organisationId));
  expect(kept).toEqual(await readFacetCounts(database.db, organisationId));
  return kept;
}

describeEachDialect('device writes', (database) => {
  const clock = createTestClock(new Date('2026-12-02T09:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let actor: UserActor;
  let outsider: UserActor;

  beforeAll(async () => {
    organisationId = await seedOrganisation(database(), 'Plant');
    actor = await seedMemberActor(database(), organisationId, 'assessor');
    outsider = await seedMemberActor(database(), await seedOrganisation(database(), 'Elsewhere'), 'owner');
  });

  it('creates a device with normalised values, history and audit, and refuses every bad field at once', async () => {
    const device = await createDevice(deps(), {
      actor,
      fields: {
        assetTag: ' GW-1 ',
        name: '受付ゲートウェイ',
        deviceClass: 'gateway',
        manufacturer: 'Acme',
        macAddresses: ['00-11-22-AA-BB-CC'],
        ipAddresses: ['192.0.2.10', 'FE80::1'],
        supportUntil: '2027/3/31',
        cpes: ['cpe:2.3:h:acme:gw100:-:*:*:*:*:*:*:*'],
      },
    });
    expect(device).toMatchObject({
      assetTag: 'GW-1',
      macAddresses: ['00:11:22:aa:bb:cc'],
      ipAddresses: ['192.0.2.10', 'fe80::1'],
      supportUntil: '2027-03-31',
      status: 'active',
      version: 1,
      systemIds: [],
    });
    const history = await listDeviceHistory(deps(), { actor, deviceId: device.id });
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ action: 'create', importId: null });
    expect(history.entries[0]!.changes).toContainEqual({ field: 'manufacturer', before: null, after: 'Acme' });
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', String(device.id))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['device.create']);

    const refused = await failure(
      createDevice(deps(), {
        actor,
        fields: { assetTag: 'GW-1', name: ' ', ipAddresses: ['10.0.0.1', '999.1.1.1'], supportUntil: '2027-02-30' },
      }),
    );
    expect(refused?.code).toBe('VALIDATION_FAILED');
    expect(refused?.details.map((detail) => detail.field).sort()).toEqual(['ipAddresses[1]', 'name', 'supportUntil']);
    const duplicate = await failure(createDevice(deps(), { actor, fields: { assetTag: 'GW-1', name: 'Copy' } }));
    expect(duplicate?.details[0]).toMatchObject({ field: 'assetTag' });
    await expectCountsKept(database(), organisationId);
  });

  it('updates with the version, keeps before/after of the changed fields, and answers a stale version with 409 and the current device', async () => {
    const created = await createDevice(deps(), { actor, fields: { assetTag: 'CAM-1', name: 'Camera', site: '本社' } });
    clock.advance(60_000);
    const updated = await updateDevice(deps(), {
      actor,
      deviceId: String(created.id),
      version: 1,
      changes: { site: '大阪', status: 'spare', name: 'Camera' },
    });
    expect(updated).toMatchObject({ site: '大阪', status: 'spare', version: 2 });
    const stale = await failure(
      updateDevice(deps(), { actor, deviceId: created.id, version: 1, changes: { site: 'X' } }),
    );
    expect(stale?.code).toBe('CONFLICT');
    expect(stale?.extensions['current']).toMatchObject({ site: '大阪', version: 2 });
    const history = await listDeviceHistory(deps(), { actor, deviceId: created.id });
    expect(history.entries.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(history.entries[0]!.changes).toEqual([
      { field: 'site', before: '本社', after: '大阪' },
      { field: 'status', before: 'active', after: 'spare' },
    ]);
    const kept = await expectCountsKept(database(), organisationId);
    expect(kept.site).toContainEqual({ value: '大阪', count: 1 });
    expect(kept.site.find((entry) => entry.value === '本社')).toBeUndefined();

    const staleDelete = await failure(deleteDevice(deps(), { actor, deviceId: created.id, version: 1 }));
    expect(staleDelete?.code).toBe('CONFLICT');
    await deleteDevice(deps(), { actor, deviceId: created.id, version: 2 });
    expect((await failure(getDevice(deps(), { actor, deviceId: created.id })))?.code).toBe('NOT_FOUND');
    await expectCountsKept(database(), organisationId);
  });

  it('keeps another organisation’s devices out of reach: reads, writes and history are NOT_FOUND', async () => {
    const device = await createDevice(deps(), { actor, fields: { assetTag: 'PLC-1', name: 'Line PLC' } });
    for (const attempt of [
      () => getDevice(deps(), { actor: outsider, deviceId: device.id }),
      () => listDeviceHistory(deps(), { actor: outsider, deviceId: device.id }),
      () => updateDevice(deps(), { actor: outsider, deviceId: device.id, version: 1, changes: { name: 'Mine' } }),
      () => deleteDevice(deps(), { actor: outsider, deviceId: device.id, version: 1 }),
    ])
      expect((await failure(attempt()))?.code).toBe('NOT_FOUND');
    const result = await bulkEditDevices(deps(), {
      actor: outsider,
      selection: { ids: [device.id] },
      set: { site: 'Mine' },
    });
    expect(result.updated).toBe(0);
    expect((await getDevice(deps(), { actor, deviceId: device.id })).site).toBe('');
  });

  it('bulk-edits by filter and by ids in one transaction: history per device, counts kept, one audit entry', async () => {
    const bulkOrganisation = await seedOrganisation(database(), 'Bulk');
    const bulkActor = await seedMemberActor(database(), bulkOrganisation, 'admin');
    const ids = await seedDevices(database(), bulkOrganisation, 1200, (i) => ({
      manufacturer: i % 2 === 0 ? 'Acme' : 'Bosch',
      site: i % 3 === 0 ? '本社' : '',
    }));
    const byFilter = await bulkEditDevices(deps(), {
      actor: bulkActor,
      selection: { filter: { manufacturer: ['Acme'] } },
      set: { site: '横浜工場', status: 'spare', tags: ['棚卸2026'] },
    });
    expect(byFilter.updated).toBe(600);
    const facets = await getFacets(deps(), { actor: bulkActor, filter: {} });
    expect(facets.facets.site).toContainEqual({ value: '横浜工場', count: 600 });
    expect(facets.facets.status).toEqual([
      { value: 'active', count: 600 },
      { value: 'spare', count: 600 },
    ]);
    const kept = await expectCountsKept(database(), bulkOrganisation);
    expect(kept.site.reduce((sum, entry) => sum + entry.count, 0)).toBe(1200);
    const history = await listDeviceHistory(deps(), { actor: bulkActor, deviceId: ids[0]! });
    expect(history.entries[0]!.changes).toEqual([
      { field: 'site', before: '本社', after: '横浜工場' },
      { field: 'status', before: 'active', after: 'spare' },
      { field: 'tags', before: [], after: ['棚卸2026'] },
    ]);
    // Devices that already have the values are not changed again.
    const again = await bulkEditDevices(deps(), {
      actor: bulkActor,
      selection: { ids: [ids[0]!, ids[1]!, 999_999_999] },
      set: { site: '横浜工場' },
    });
    expect(again.updated).toBe(1);
    const audits = await database()
      .db.selectFrom('audit_event')
      .select('summary')
      .where('organisation_id', '=', bulkOrganisation)
      .where('action', '=', 'device.bulk_update')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.summary).after.updated).toBe(600);

    const refused = await failure(
      bulkEditDevices(deps(), { actor: bulkActor, selection: { ids }, set: { status: 'broken' } }),
    );
    expect(refused?.details[0]).toMatchObject({ field: 'set.status', code: 'not_allowed_value' });
  });
});
