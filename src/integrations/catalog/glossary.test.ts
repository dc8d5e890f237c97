import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CATALOG_DIR } from './catalog-dir';

interface Term {
  readonly preferred: string;
  readonly avoid: readonly string[];
}

/** Every YAML file of the catalog except the glossary itself. */
function catalogFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml') && entry.name !== 'glossary.yaml')
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The Japanese texts of a parsed file: every string under a `ja` key, with where it is. */
function japaneseTexts(value: unknown, path: string, found: { path: string; text: string }[]): void {
  if (Array.isArray(value)) value.forEach((entry, index) => japaneseTexts(entry, `${path}[${index}]`, found));
  else if (value && typeof value === 'object')
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'ja' && typeof entry === 'string') found.push({ path: `${path}.ja`, text: entry });
      else japaneseTexts(entry, `${path}.${key}`, found);
    }
}

describe('catalog glossary', () => {
  const glossary = parse(readFileSync(join(DEFAULT_CATALOG_DIR, 'glossary.yaml'), 'utf8')) as { terms: Term[] };

  it('lists each concept once, never preferring a word it also avoids', () => {
    expect(glossary.terms.length).toBeGreaterThan(5);
    const preferred = glossary.terms.map((term) => term.preferred);
    expect(new Set(preferred).size).toBe(preferred.length);
    for (const term of glossary.terms) expect(term.avoid).not.toContain(term.preferred);
  });

  it('keeps one Japanese term per concept across every catalog file', () => {
    const offences: string[] = [];
    for (const file of catalogFiles(DEFAULT_CATALOG_DIR)) {
      const texts: { path: string; text: string }[] = [];
      japaneseTexts(parse(readFileSync(file, 'utf8')), '', texts);
      for (const { path, text } of texts)
        for (const term of glossary.terms)
          for (const avoided of term.avoid)
            if (text.includes(avoided))
              offences.push(`${relative(DEFAULT_CATALOG_DIR, file)} ${path}: "${avoided}" → ${term.preferred}`);
    }
    expect(offences).toEqual([]);
  });
});
