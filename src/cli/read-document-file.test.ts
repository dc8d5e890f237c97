import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasBomb } from '../testing/hostile-input';
import { MAX_DOCUMENT_ALIASES, readDocumentFile } from './read-document-file';

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-document-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('readDocumentFile (iotcheck assessment apply)', () => {
  it('reads YAML and JSON documents', () => {
    expect(readDocumentFile(write('a.yaml', 'iotcheck: assessment/v1\nanswers: []\n'))).toEqual({
      iotcheck: 'assessment/v1',
      answers: [],
    });
    expect(readDocumentFile(write('a.json', '{"answers":[]}'))).toEqual({ answers: [] });
  });

  it(`refuses a YAML alias bomb (more than ${MAX_DOCUMENT_ALIASES} alias expansions) naming the file`, () => {
    const file = write('bomb.yaml', aliasBomb());
    expect(() => readDocumentFile(file)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ file, reason: expect.stringContaining('alias') })],
      }),
    );
  });

  it('refuses broken YAML naming the file and line', () => {
    const file = write('broken.yaml', 'answers:\n  - item: a\n   result: [\n');
    expect(() => readDocumentFile(file)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ file, row: expect.any(Number) })] }),
    );
  });
});
