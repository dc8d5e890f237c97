import { describe, expect, it } from 'vitest';
import { changeRows, formatLocalTime, isTimestamp, readableChangeRows } from './audit-format';

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

describe('readableChangeRows', () => {
  it('leaves out internal ids, and the empty fields of a creation', () => {
    expect(
      readableChangeRows({
        after: { assessmentId: 'a-1', itemId: 'jssec-v2:25', issue: 'Telnet', impact: '', tags: [], dueDate: null },
      }),
    ).toEqual([{ field: 'issue', before: undefined, after: 'Telnet' }]);
    expect(readableChangeRows({ before: { comment: 'x' }, after: { comment: '' } })).toEqual([
      { field: 'comment', before: 'x', after: '' },
    ]);
  });

  it('recognises recorded timestamps', () => {
    expect(isTimestamp('2026-12-08T21:15:44.781Z')).toBe(true);
    expect(isTimestamp('2026-12-08')).toBe(false);
  });
});
