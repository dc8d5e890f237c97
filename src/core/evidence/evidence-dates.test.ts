import { describe, expect, it } from 'vitest';
import type { DomainError } from '../domain-error';
import { checkDays, isCalendarDay } from './evidence-dates';

describe('days', () => {
  it('knows real calendar days', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
  });

  it('names every bad day, and a validity that ends before it starts', () => {
    expect(() => checkDays({ evidenceDate: '2026-11-01', validUntil: '2027-11-01', dueDate: null })).not.toThrow();
    const fields = (days: Record<string, string | undefined>) => {
      try {
        checkDays(days);
        return [];
      } catch (error) {
        return (error as DomainError).details.map((detail) => detail.field);
      }
    };
    expect(fields({ evidenceDate: '2026-02-30', validUntil: '2026-13-01' })).toEqual(['evidenceDate', 'validUntil']);
    expect(fields({ evidenceDate: '2026-11-02', validUntil: '2026-11-01' })).toEqual(['validUntil']);
  });
});
