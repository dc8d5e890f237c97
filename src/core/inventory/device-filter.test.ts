import { describe, expect, it } from 'vitest';
import { addMonths, foldAsciiCase, prefixUpperBound, supportBounds, supportBucketOf } from './device-filter';

describe('device filter helpers', () => {
  it('moves days by months, clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-02', 12)).toBe('2027-12-02');
  });

  it('puts support days into buckets relative to today', () => {
    const bounds = supportBounds(new Date('2026-12-02T10:00:00Z'));
    expect(supportBucketOf(null, bounds)).toBe('unknown');
    expect(supportBucketOf('2026-12-01', bounds)).toBe('ended');
    expect(supportBucketOf('2026-12-02', bounds)).toBe('3m');
    expect(supportBucketOf('2027-03-01', bounds)).toBe('3m');
    expect(supportBucketOf('2027-03-02', bounds)).toBe('6m');
    expect(supportBucketOf('2027-12-01', bounds)).toBe('12m');
    expect(supportBucketOf('2027-12-02', bounds)).toBe('later');
  });

  it('bounds a prefix exactly and folds only ASCII letters', () => {
    expect(prefixUpperBound('cam')).toBe('can');
    expect(prefixUpperBound('東京')).toBe('東亭');
    expect('cam-0001' < prefixUpperBound('cam') && 'can' >= prefixUpperBound('cam')).toBe(true);
    expect(foldAsciiCase('CAM-Ａ東京')).toBe('cam-Ａ東京');
  });
});
