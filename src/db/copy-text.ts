// PostgreSQL COPY … FROM STDIN in text format: how bulk writes (device imports, match runs) put
// rows on the wire, faster than any INSERT.

/** One line of COPY text format: tab-separated, `\\N` for null, backslash escapes. */
export function copyLine(values: ReadonlyArray<string | number | boolean | null>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    if (value === null || value === undefined) line += '\\N';
    else if (typeof value === 'string') line += escapeCopy(value);
    else line += String(value);
  }
  return line + '\n';
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeCopy(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
