import { describe, expect, it } from 'vitest';
import { compareWorkbookRows, parseResultLabel } from './workbook-rows';

const ja = {
  implemented: '実施済',
  partial: '一部実施',
  not_implemented: '未実施',
  not_applicable: '対象外',
  unanswered: '未回答',
};
const en = {
  implemented: 'Implemented',
  partial: 'Partial',
  not_implemented: 'Not implemented',
  not_applicable: 'Not applicable',
  unanswered: 'Unanswered',
};

describe('workbook answer labels', () => {
  it('reads ja and en labels, codes, and an empty cell as unanswered', () => {
    expect(parseResultLabel(' 実施済 ', [ja, en])).toBe('implemented');
    expect(parseResultLabel('NOT  implemented', [ja, en])).toBe('not_implemented');
    expect(parseResultLabel('not_applicable', [ja, en])).toBe('not_applicable');
    expect(parseResultLabel('　', [ja, en])).toBe('unanswered');
    expect(parseResultLabel('たぶん', [ja, en])).toBeUndefined();
  });
});

describe('workbook row order', () => {
  const exported = ['1', '2', '3', '4'].map((number) => ({ number }));
  const visible = (...numbers: string[]) => numbers.map((number, index) => ({ row: index + 2, number }));

  it('accepts the same order, also with numbers written differently', () => {
    expect(compareWorkbookRows(exported, visible('1', '02', '3', '4'))).toEqual([]);
  });

  it('names moved, deleted and added rows', () => {
    expect(compareWorkbookRows(exported, visible('1', '3', '2', '4'))).toEqual([
      { row: 3, kind: 'moved', expected: '2', found: '3' },
      { row: 4, kind: 'moved', expected: '3', found: '2' },
    ]);
    expect(compareWorkbookRows(exported, visible('1', '2', '3'))).toEqual([{ row: 5, kind: 'deleted', expected: '4' }]);
    expect(compareWorkbookRows(exported, visible('1', '2', '3', '4', '99'))).toEqual([
      { row: 6, kind: 'added', found: '99' },
    ]);
    expect(compareWorkbookRows(exported, visible('1', '3', '4'))[0]).toMatchObject({ row: 3, kind: 'deleted' });
  });
});
