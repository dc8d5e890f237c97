import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralisedFormula } from './neutralise-formula';

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe to cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('restores exactly what it neutralised, and nothing else', () => {
    for (const cell of ['=HYPERLINK("http://x")', '-2+3', '@SUM(A1)', '\t=1', '', "'quoted", "'", 'a=b'])
      expect(restoreNeutralisedFormula(neutraliseFormula(cell))).toBe(cell);
    expect(restoreNeutralisedFormula("'=1")).toBe('=1');
    expect(restoreNeutralisedFormula("'abc")).toBe("'abc");
  });

  it('leaves other text as it is, also formula characters further in', () => {
    for (const cell of ['', '初期パスワード', 'a=b', '2026-12-31', "'quoted", ' =1'])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});
