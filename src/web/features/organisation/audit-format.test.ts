import { describe, expect, it } from 'vitest';
import { changeRows, formatLocalTime } from './audit-format';

describe('changeRows', () => {
  it('keeps only the fields that changed, and fields present on one side', () => {
    expect(
      changeRows({
        before: { result: 'unanswered', comment: 'x', version: 1 },
        after: { result: 'partial', comment: 'x', version: 2, dueDate: '2026-12-01' },
      }),
    ).toEqual([
      { field: 'result', before: 'unanswered', after: 'partial' },
      { field: 'version', before: 1, after: 2 },
      { field: 'dueDate', before: undefined, after: '2026-12-01' },
    ]);
  });

  it('shows a creation as after-only fields and a non-object summary as one row', () => {
    expect(changeRows({ after: { role: 'assessor' } })).toEqual([
      { field: 'role', before: undefined, after: 'assessor' },
    ]);
    expect(changeRows({ before: 'a', after: ['b'] })).toEqual([{ field: '', before: 'a', after: ['b'] }]);
    expect(changeRows({})).toEqual([]);
    expect(changeRows(null)).toEqual([]);
  });
});

describe('formatLocalTime', () => {
  it('names the zone and converts to it', () => {
    expect(formatLocalTime('2026-11-22T09:00:05.000Z', 'ja', 'Asia/Tokyo')).toBe('2026/11/22 18:00:05 JST');
    expect(formatLocalTime('2026-11-22T09:00:05.000Z', 'en', 'UTC')).toBe('22/11/2026, 09:00:05 UTC');
  });
});
