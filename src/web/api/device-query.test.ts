import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  deviceFilter,
  deviceQueryParams,
  filterParams,
  isFiltered,
  parseDeviceQuery,
  sortBy,
  toggleFilter,
} from './device-query';

describe('the device list query', () => {
  it('round-trips through the URL, repeating a filter for several values', () => {
    const text =
      'q=cam&sort=site&dir=desc&manufacturer=%E3%83%91%E3%83%8A&manufacturer=ACME&support=3m&noOwner=true&firmwareOlderThanDays=365';
    const query = parseDeviceQuery(new URLSearchParams(text));
    expect(query.filters.manufacturer).toEqual(['パナ', 'ACME']);
    expect(query.sort).toBe('site');
    expect(query.firmwareOlderThanDays).toBe(365);
    expect(deviceQueryParams(query).toString()).toBe(text);
  });

  it('falls back to the default for unknown sorts and malformed numbers, and leaves defaults out', () => {
    const query = parseDeviceQuery(new URLSearchParams('sort=password&dir=up&firmwareOlderThanDays=-3&noLocation=1'));
    expect(query).toEqual(DEFAULT_QUERY);
    expect(deviceQueryParams(query).toString()).toBe('');
    expect(isFiltered(query)).toBe(false);
  });

  it('toggles facet values and flips the direction of the sorted column', () => {
    const one = toggleFilter(DEFAULT_QUERY, 'site', '本社');
    expect(one.filters.site).toEqual(['本社']);
    expect(isFiltered(one)).toBe(true);
    expect(toggleFilter(one, 'site', '本社').filters.site).toEqual([]);
    const byName = sortBy(DEFAULT_QUERY, 'name');
    expect([byName.sort, byName.dir]).toEqual(['name', 'asc']);
    expect(sortBy(byName, 'name').dir).toBe('desc');
    expect(filterParams(sortBy(one, 'name')).toString()).toBe('site=%E6%9C%AC%E7%A4%BE');
  });

  it('gives bulk edit the filters only, as lists', () => {
    const query = parseDeviceQuery(new URLSearchParams('q=gw&sort=name&status=active&noOwner=true'));
    expect(deviceFilter(query)).toEqual({ q: 'gw', status: ['active'], noOwner: true });
  });
});
