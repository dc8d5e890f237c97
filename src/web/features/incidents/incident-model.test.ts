import { describe, expect, it } from 'vitest';
import { formatMinutes, isReached, mailtoHref, nextStatuses, toIsoInstant } from './incident-model';

const UNITS = { minutes: ' min', hours: ' h', days: ' d' };

describe('incident model', () => {
  it('offers only later statuses, skipping allowed, closing left to the close dialog', () => {
    expect(nextStatuses('detected')).toEqual(['triaged', 'contained', 'eradicated', 'recovered']);
    expect(nextStatuses('recovered')).toEqual([]);
    expect(nextStatuses('closed')).toEqual([]);
    expect(isReached('triaged', 'contained')).toBe(true);
    expect(isReached('recovered', 'contained')).toBe(false);
  });

  it('formats durations in minutes, hours and days', () => {
    expect(formatMinutes(null, UNITS)).toBe('—');
    expect(formatMinutes(45, UNITS)).toBe('45 min');
    expect(formatMinutes(200, UNITS)).toBe('3 h 20 min');
    expect(formatMinutes(180, UNITS)).toBe('3 h');
    expect(formatMinutes(3120, UNITS)).toBe('2 d 4 h');
  });

  it('encodes mailto subject and body, recipient optional', () => {
    expect(mailtoHref('psirt@maker.example', 'A & B', 'line 1\nline 2')).toBe(
      'mailto:psirt@maker.example?subject=A%20%26%20B&body=line%201%0Aline%202',
    );
    expect(mailtoHref(null, 'S', 'B')).toBe('mailto:?subject=S&body=B');
  });

  it('turns a blank local time into nothing and a filled one into an ISO instant', () => {
    expect(toIsoInstant('')).toBeUndefined();
    expect(toIsoInstant('2026-12-01T09:30')).toMatch(/^2026-12-01T\d{2}:30:00\.000Z$/);
  });
});
