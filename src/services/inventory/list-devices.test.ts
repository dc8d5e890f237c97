import { beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../../core/auth/actor';
import { isDomainError } from '../../core/domain-error';
import {
  foldAsciiCase,
  type DeviceFilter,
  type DeviceSort,
  type SortDirection,
} from '../../core/inventory/device-filter';
import type { Device, DeviceFields } from '../../core/inventory/device.types';
import { seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import { seedMemberActor } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { seedDevices } from '../../testing/test-devices';
import { linkSystemDevices } from './link-system-devices';
import { listDevices } from './list-devices';
import { createSystem } from '../assessments/create-system';

const COUNT = 130;
const hex = (n: number) => n.toString(16).padStart(2, '0');

/** Device i of the big organisation: ties in names and manufacturers, Japanese names, addresses. */
function deviceFields(i: number): Partial<DeviceFields> {
  return {
    assetTag: `${i % 2 === 0 ? 'CAM' : 'SNS'}-${String(i).padStart(4, '0')}`,
    name: i % 3 === 0 ? `東京カメラ${i}` : i % 3 === 1 ? `Sensor ${i % 10}` : `gateway ${i}`,
    manufacturer: ['Acme', 'Bosch', 'Canon'][i % 3]!,
    model: `M${i % 7}`,
    serialNumber: `SN${i}X`,
    ipAddresses: [`10.1.${Math.floor(i / 100)}.${i % 100}`],
    macAddresses: [`00:11:22:33:${hex(i)}:01`],
    status: i % 5 === 0 ? 'spare' : 'active',
    supportUntil: [null, '2026-06-01', '2027-01-15', '2028-06-01'][i % 4]!,
    owner: i % 6 === 0 ? '' : 'Facilities',
    site: i % 10 === 0 ? '' : ['本社', 'Osaka'][i % 2]!,
    firmwareUpdatedOn: i % 2 === 1 ? '2024-01-01' : '2026-11-01',
  };
}

const SORT_VALUE: Record<DeviceSort, (d: Device) => string> = {
  assetTag: (d) => d.assetTag,
  name: (d) => foldAsciiCase(d.name),
  manufacturer: (d) => d.manufacturer,
  model: (d) => foldAsciiCase(d.model),
  firmwareVersion: (d) => d.firmwareVersion,
  site: (d) => d.site,
  status: (d) => d.status,
  supportUntil: (d) => d.supportUntil ?? '',
  updatedAt: (d) => d.updatedAt,
};

describeEachDialect('listing devices by keyset', (database) => {
  const clock = createTestClock(new Date('2026-12-02T09:00:00.000Z'));
  let actor: UserActor;
  let ids: number[];
  let all: Device[];
  let otherOrganisationIds: number[];
  const deps = () => ({ database: database(), clock });

  /** Every page of a listing, following `next`. */
  async function pageThrough(sort: DeviceSort, dir: SortDirection, filter: DeviceFilter = {}, limit = 17) {
    const seen: Device[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listDevices(deps(), { actor, filter, sort, dir, limit, ...(after ? { after } : {}) });
      expect(page.devices.length).toBeLessThanOrEqual(limit);
      seen.push(...page.devices);
      if (page.next === null) return seen;
      after = page.next;
    }
    throw new Error('paging did not end');
  }

  const expected = (sort: DeviceSort, dir: SortDirection, devices = all) =>
    [...devices]
      .sort((a, b) => {
        const [x, y] = [SORT_VALUE[sort](a), SORT_VALUE[sort](b)];
        const order = x < y ? -1 : x > y ? 1 : a.id - b.id;
        return dir === 'asc' ? order : -order;
      })
      .map((device) => device.id);

  beforeAll(async () => {
    const organisationId = await seedOrganisation(database(), 'Plant');
    actor = await seedMemberActor(database(), organisationId, 'assessor');
    ids = await seedDevices(database(), organisationId, COUNT, deviceFields);
    const other = await seedOrganisation(database(), 'Elsewhere');
    otherOrganisationIds = await seedDevices(database(), other, 5, (i) => ({
      assetTag: `CAM-9${i}`,
      name: '東京カメラ',
    }));
    all = await pageThrough('assetTag', 'asc', {}, 500);
  });

  it('pages through more than 120 devices in both directions, in every order, without skipping or repeating', async () => {
    expect(all.map((device) => device.id).sort((a, b) => a - b)).toEqual(ids);
    for (const sort of ['name', 'manufacturer', 'supportUntil', 'status', 'assetTag'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const seen = await pageThrough(sort, dir);
        expect(
          seen.map((device) => device.id),
          `${sort} ${dir}`,
        ).toEqual(expected(sort, dir));
      }
    }
  });

  it('gives the total on a first page only, and never another organisation’s devices', async () => {
    const first = await listDevices(deps(), { actor, filter: {}, limit: 10 });
    expect(first.total).toBe(COUNT);
    const second = await listDevices(deps(), { actor, filter: {}, limit: 10, after: first.next! });
    expect(second.total).toBeUndefined();
    const filtered = await listDevices(deps(), { actor, filter: { manufacturer: ['Acme'] }, limit: 10 });
    expect(filtered.total).toBe(all.filter((device) => device.manufacturer === 'Acme').length);
    expect(all.some((device) => otherOrganisationIds.includes(device.id))).toBe(false);
  });

  it('refuses a cursor of another order, naming `after`', async () => {
    const first = await listDevices(deps(), { actor, filter: {}, sort: 'name', limit: 5 });
    const error = await listDevices(deps(), { actor, filter: {}, sort: 'site', limit: 5, after: first.next! }).catch(
      (caught: unknown) => caught,
    );
    expect(isDomainError(error) && error.code === 'VALIDATION_FAILED' && error.details[0]?.field).toBe('after');
    const garbage = await listDevices(deps(), { actor, filter: {}, after: 'not-a-cursor' }).catch(
      (caught: unknown) => caught,
    );
    expect(isDomainError(garbage) && garbage.code).toBe('VALIDATION_FAILED');
  });

  it('filters by repeated values, support buckets, missing owner or place, old firmware and system', async () => {
    const match = async (filter: DeviceFilter) =>
      (await pageThrough('assetTag', 'asc', filter, 50)).map((d) => d.assetTag);
    const tags = (predicate: (device: Device) => boolean) => all.filter(predicate).map((device) => device.assetTag);
    expect(await match({ manufacturer: ['Acme', 'Canon'] })).toEqual(tags((d) => d.manufacturer !== 'Bosch'));
    expect(await match({ manufacturer: ['Acme'], status: ['spare'] })).toEqual(
      tags((d) => d.manufacturer === 'Acme' && d.status === 'spare'),
    );
    expect(await match({ support: ['ended'] })).toEqual(tags((d) => d.supportUntil === '2026-06-01'));
    expect(await match({ support: ['3m', 'unknown'] })).toEqual(
      tags((d) => d.supportUntil === '2027-01-15' || d.supportUntil === null),
    );
    expect(await match({ support: ['later'] })).toEqual(tags((d) => d.supportUntil === '2028-06-01'));
    expect(await match({ noOwner: true })).toEqual(tags((d) => d.owner === ''));
    expect(await match({ noLocation: true })).toEqual(tags((d) => d.site === ''));
    expect(await match({ firmwareOlderThanDays: 365 })).toEqual(tags((d) => d.firmwareUpdatedOn === '2024-01-01'));
    const system = await createSystem(deps(), { actor, system: { name: 'Cameras', criticality: 'important' } });
    await linkSystemDevices(deps(), { actor, systemId: system.id, add: [ids[0]!, ids[2]!], remove: [] });
    expect(await match({ systemId: [system.id] })).toEqual(['CAM-0000', 'CAM-0002']);
    const linked = await listDevices(deps(), { actor, filter: { systemId: [system.id] } });
    expect(linked.devices.map((device) => device.systemIds)).toEqual([[system.id], [system.id]]);
  });

  it('searches prefixes of asset tag, name, model, serial, IP and MAC without regard to case', async () => {
    const search = async (q: string) => (await pageThrough('assetTag', 'asc', { q }, 200)).map((d) => d.assetTag);
    const tags = (predicate: (device: Device) => boolean) => all.filter(predicate).map((device) => device.assetTag);
    expect(await search('cam-001')).toEqual(tags((d) => d.assetTag.startsWith('CAM-001')));
    expect(await search('SENSOR 3')).toEqual(tags((d) => d.name === 'Sensor 3'));
    expect(await search('東京カメラ1')).toEqual(tags((d) => d.name.startsWith('東京カメラ1')));
    expect(await search('Gateway 12')).toEqual(tags((d) => d.name.startsWith('gateway 12')));
    expect(await search('sn12x')).toEqual(['CAM-0012']);
    expect(await search('10.1.1.')).toEqual(tags((d) => d.ipAddresses[0]!.startsWith('10.1.1.')));
    expect(await search('00-11-22-33-0A')).toEqual(['CAM-0010']);
    expect(await search('m6')).toEqual(tags((d) => d.model === 'M6'));
    expect(await search('zzz')).toEqual([]);
    // A search and a filter together.
    expect(await pageThrough('name', 'asc', { q: 'cam', manufacturer: ['Bosch'] }, 200)).toHaveLength(
      all.filter((d) => d.assetTag.startsWith('CAM') && d.manufacturer === 'Bosch').length,
    );
  });
});
