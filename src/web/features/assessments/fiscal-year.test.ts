import { describe, expect, it } from 'vitest';
import { fiscalYear, formatPeriod } from './assessment-model';

describe('fiscal year (年度)', () => {
  it('runs April to March and is named by the year it starts in', () => {
    expect(fiscalYear(new Date(2027, 2, 31))).toEqual({ year: 2026, start: '2026-04-01', end: '2027-03-31' });
    expect(fiscalYear(new Date(2026, 3, 1))).toEqual({ year: 2026, start: '2026-04-01', end: '2027-03-31' });
    expect(fiscalYear(new Date(2026, 0, 15)).year).toBe(2025);
    expect(fiscalYear(new Date(2026, 11, 1)).year).toBe(2026);
  });

  it('shows a period with whichever ends are known', () => {
    expect(formatPeriod('2026-04-01', '2027-03-31')).toBe('2026-04-01 – 2027-03-31');
    expect(formatPeriod('2026-04-01', null)).toBe('2026-04-01 –');
    expect(formatPeriod(null, null)).toBe('—');
  });
});
