import { describe, expect, it } from 'vitest';
import { CsvRecordReader, UnclosedQuoteError } from './csv-records';

/** Reads `text` split into chunks of `size` characters (every boundary position gets exercised). */
function read(text: string, size: number, delimiter = ','): Array<[number, string[]]> {
  const reader = new CsvRecordReader(delimiter);
  const records = [];
  for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
  records.push(...reader.end());
  return records.map((record) => [record.row, record.cells]);
}

describe('CsvRecordReader', () => {
  const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,"" \n"tail"';
  const expected: Array<[number, string[]]> = [
    [1, ['a', 'b', 'c']],
    [2, ['x, y', 'say "hi"', 'two\r\nlines']],
    [4, ['last', '', ' ']],
    [5, ['tail']],
  ];

  it('reads quoted delimiters, doubled quotes, quoted line breaks and blank lines the same in any chunking', () => {
    for (const size of [1, 2, 3, 5, 7, 1000]) expect(read(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('reads tab and semicolon separated text, CR-only line ends and a missing final line break', () => {
    expect(read('a\tb\rc\td', 3, '\t')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
    expect(read('a;b', 1, ';')).toEqual([[1, ['a', 'b']]]);
  });

  it('keeps a quote inside an unquoted field, as spreadsheets do', () => {
    expect(read('5" screen,x\n', 4)).toEqual([[1, ['5" screen', 'x']]]);
  });

  it('names the row of a quoted field that is never closed', () => {
    const reader = new CsvRecordReader();
    reader.push('a,b\nc,"open\nmore');
    expect(() => reader.end()).toThrow(UnclosedQuoteError);
    expect(() => new CsvRecordReader().end()).not.toThrow();
    const again = new CsvRecordReader();
    again.push('a\n"x');
    let caught: unknown;
    try {
      again.end();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ row: 2 });
  });
});
