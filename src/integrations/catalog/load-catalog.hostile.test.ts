import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMPORTER_RUNS,
  aliasBomb,
  expectLocatedRefusal,
  hostileText,
  readOrRefusal,
} from '../../testing/hostile-input';
import { MAX_YAML_ALIASES, parseCatalog } from './load-catalog';

// Issue 16, hostile input: the catalog loader refuses any YAML it cannot use with CATALOG_INVALID
// naming file and line (or path); an alias bomb is refused before it expands.

const FILES = [
  'catalog/acme/framework.yaml',
  'catalog/acme/items-a.yaml',
  'catalog/guidelines/acme.yaml',
  'catalog/crosswalks/acme--other.yaml',
];

const yamlish = fc
  .array(
    fc.tuple(
      fc.constantFrom('id', 'kind', 'items', 'title', 'ja', 'en', '- ', '&a', '*a', '!!binary', '<<'),
      fc.nat({ max: 6 }),
      hostileText,
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.map(([key, indent, value]) => `${' '.repeat(indent)}${key}: ${value}`).join('\n'));

describe('parseCatalog on hostile YAML', () => {
  it('refuses arbitrary text and YAML-shaped junk with CATALOG_INVALID, located in the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.oneof(hostileText, yamlish), async (file, text) => {
        const outcome = await readOrRefusal(async () => parseCatalog([{ file, text }]));
        if ('value' in outcome) return;
        expect(outcome.refusal.code).toBe('CATALOG_INVALID');
        for (const detail of outcome.refusal.details.filter((problem) => problem.file === file))
          expect(detail.row !== undefined || detail.path !== undefined, JSON.stringify(detail)).toBe(true);
        expect(outcome.refusal.details.every((problem) => problem.reason.trim() !== '')).toBe(true);
      }),
      { numRuns: IMPORTER_RUNS },
    );
  });

  it.each(FILES)('refuses a billion-laughs alias bomb in %s at the line of its first alias', (file) => {
    const outcome = (() => {
      try {
        parseCatalog([{ file, text: aliasBomb() }]);
      } catch (error) {
        return error;
      }
      throw new Error('the alias bomb was accepted');
    })();
    expect(outcome).toMatchObject({
      code: 'CATALOG_INVALID',
      details: [{ file, row: 2, reason: expect.stringContaining(`more than ${MAX_YAML_ALIASES} times`) }],
    });
  });

  it('refuses YAML nested 100,000 levels deep with a located problem', async () => {
    const outcome = await readOrRefusal(async () =>
      parseCatalog([{ file: FILES[0]!, text: `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}` }]),
    );
    if ('value' in outcome) throw new Error('the nested document was accepted');
    expectLocatedRefusal(outcome.refusal, FILES[0]!);
  });
});
