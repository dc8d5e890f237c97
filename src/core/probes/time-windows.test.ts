import { describe, expect, it } from 'vitest';
import { isTimeZone, windowStanding } from './time-windows';

describe('probe time windows', () => {
  it('is always open without windows', () => {
    expect(windowStanding([], 'UTC', new Date('2026-12-02T03:00:00Z'))).toEqual({ open: true });
  });

  it('is open inside a window and names the next one outside it (in the scope’s zone)', () => {
    const windows = [{ days: ['wed' as const], start: '09:00', end: '17:00' }];
    // 2026-12-02 is a Wednesday; 09:00 in Tokyo is 00:00 UTC.
    expect(windowStanding(windows, 'Asia/Tokyo', new Date('2026-12-02T01:00:00Z'))).toEqual({ open: true });
    expect(windowStanding(windows, 'Asia/Tokyo', new Date('2026-12-02T09:00:00Z'))).toEqual({
      open: false,
      next: { start: '2026-12-09T00:00:00.000Z', end: '2026-12-09T08:00:00.000Z' },
    });
  });

  it('runs a window past midnight into the next day', () => {
    const windows = [{ days: ['tue' as const], start: '22:00', end: '06:00' }];
    expect(windowStanding(windows, 'UTC', new Date('2026-12-02T05:59:00Z'))).toEqual({ open: true });
    expect(windowStanding(windows, 'UTC', new Date('2026-12-02T06:00:00Z'))).toMatchObject({
      open: false,
      next: { start: '2026-12-08T22:00:00.000Z' },
    });
  });

  it('knows real time zones only', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
