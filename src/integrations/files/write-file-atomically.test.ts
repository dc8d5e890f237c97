import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from './write-file-atomically';

describe('writeFileAtomically', () => {
  it('replaces the file with the whole new content and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iotcheck-out-'));
    const file = join(dir, 'report.csv');
    writeFileSync(file, 'old');
    await writeFileAtomically(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('keeps the old file untouched when writing fails half-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iotcheck-out-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, 'previous');
    const failing = async (destination: NodeJS.WritableStream) => {
      destination.write('partial');
      throw new Error('renderer failed');
    };
    await expect(writeFileAtomically(file, failing)).rejects.toThrow('renderer failed');
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });
});
