import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../../core/auth/actor';
import { isDomainError } from '../../core/domain-error';
import { seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { seedMemberActor } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { seedDevices } from '../../testing/test-devices';
import { createDevice } from './create-device';
import { getFacets } from './get-facets';
import { getLifecycle } from './get-lifecycle';
import { listDeviceHistory } from './list-device-history';
import { createSavedView, deleteSavedView, listSavedViews } from './manage-saved-views';
import { updateDevice } from './update-device';

describeEachDialect('facets, life-cycle, saved views and imported history', (database) => {
  const clock = createTestClock(new Date('2026-12-02T09:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let actor: UserActor;

  beforeAll(async () => {
    organisationId = await seedOrganisation(database(), 'Plant');
    actor = await seedMemberActor(database(), organisationId, 'assessor');
    await seedDevices(database(), organisationId, 24, (i) => ({
      deviceClass: i % 2 === 0 ? 'camera' : 'sensor',
      manufacturer: ['Acme', 'Bosch', 'Canon'][i % 3]!,
      site: i % 4 === 0 ? '' : '本社',
      owner: i % 6 === 0 ? '' : 'Facilities',
      supportUntil: [null, '2026-06-01', '2027-01-15', '2027-04-01', '2027-09-01', '2029-01-01'][i % 6]!,
      firmwareUpdatedOn: i % 3 === 0 ? '2025-01-01' : null,
    }));
  });

  it('reads unfiltered facets from the kept counts and filtered ones by counting, each under the other filters', async () => {
    const unfiltered = (await getFacets(deps(), { actor, filter: {} })).facets;
    expect(unfiltered.manufacturer).toEqual([
      { value: 'Acme', count: 8 },
      { value: 'Bosch', count: 8 },
      { value: 'Canon', count: 8 },
    ]);
    expect(unfiltered.support).toEqual([
      { value: 'ended', count: 4 },
      { value: '3m', count: 4 },
      { value: '6m', count: 4 },
      { value: '12m', count: 4 },
      { value: 'later', count: 4 },
      { value: 'unknown', count: 4 },
    ]);
    const filtered = (await getFacets(deps(), { actor, filter: { manufacturer: ['Acme'], deviceClass: ['camera'] } }))
      .facets;
    // Manufacturer counted under the class filter only: every manufacturer stays visible.
    expect(filtered.manufacturer).toEqual([
      { value: 'Acme', count: 4 },
      { value: 'Bosch', count: 4 },
      { value: 'Canon', count: 4 },
    ]);
    expect(filtered.deviceClass).toEqual([
      { value: 'camera', count: 4 },
      { value: 'sensor', count: 4 },
    ]);
    expect(filtered.support.reduce((sum, entry) => sum + entry.count, 0)).toBe(4);
    const bySupport = (await getFacets(deps(), { actor, filter: { support: ['ended'] } })).facets;
    expect(bySupport.support).toHaveLength(6);
    expect(bySupport.manufacturer.reduce((sum, entry) => sum + entry.count, 0)).toBe(4);
  });

  it('counts the life-cycle figures, support windows cumulative from today', async () => {
    expect(await getLifecycle(deps(), { actor })).toEqual({
      supportEnded: 4,
      supportEnding3m: 4,
      supportEnding6m: 8,
      supportEnding12m: 12,
      firmwareOlderThan: 8,
      noOwner: 4,
      noLocation: 6,
    });
    expect((await getLifecycle(deps(), { actor, firmwareOlderThanDays: 1000 })).firmwareOlderThan).toBe(0);
  });

  it('keeps saved views per user, shared ones for everyone, and deletes only one’s own or shared views', async () => {
    const colleague = await seedMemberActor(database(), organisationId, 'assessor');
    const own = await createSavedView(deps(), {
      actor,
      name: 'Acme cameras',
      query: '?manufacturer=Acme&deviceClass=camera',
    });
    const shared = await createSavedView(deps(), { actor, name: 'Ended', query: 'support=ended', shared: true });
    expect(own).toMatchObject({ query: 'manufacturer=Acme&deviceClass=camera', shared: false });
    expect((await listSavedViews(deps(), { actor })).views.map((view) => view.name)).toEqual(['Acme cameras', 'Ended']);
    expect((await listSavedViews(deps(), { actor: colleague })).views.map((view) => view.id)).toEqual([shared.id]);
    const refused = await deleteSavedView(deps(), { actor: colleague, viewId: own.id }).catch(
      (error: unknown) => error,
    );
    expect(isDomainError(refused) && refused.code).toBe('NOT_FOUND');
    await deleteSavedView(deps(), { actor: colleague, viewId: shared.id });
    expect((await listSavedViews(deps(), { actor })).views.map((view) => view.id)).toEqual([own.id]);
  });

  it('shows a device an import created as one import entry, after the later changes', async () => {
    const importId = randomUUID();
    await database()
      .db.insertInto('inventory_import')
      .values({
        id: importId,
        organisation_id: organisationId,
        file_name: 'devices.csv',
        format: 'csv',
        encoding: 'utf-8',
        created_count: 1,
        updated_count: 0,
        unchanged_count: 0,
        skipped_count: 0,
        imported_by: actor.userId,
        started_at: '2026-12-02T08:00:00.000Z',
        finished_at: '2026-12-02T08:00:05.000Z',
      })
      .execute();
    const [id] = await seedDevices(
      database(),
      organisationId,
      1,
      () => ({ assetTag: 'IMP-1', name: 'Imported' }),
      '2026-12-02T08:00:01.000Z',
    );
    await updateDevice(deps(), { actor, deviceId: id!, version: 1, changes: { owner: '設備課' } });
    const { entries } = await listDeviceHistory(deps(), { actor, deviceId: id! });
    expect(entries.map((entry) => [entry.action, entry.importId])).toEqual([
      ['update', null],
      ['import', importId],
    ]);
    expect(entries[1]!.by).toEqual(expect.stringMatching(/\S/));
    // A device created through the API has its own create entry and no import entry.
    const created = await createDevice(deps(), { actor, fields: { assetTag: 'API-1', name: 'By hand' } });
    expect((await listDeviceHistory(deps(), { actor, deviceId: created.id })).entries.map((e) => e.action)).toEqual([
      'create',
    ]);
  });
});
