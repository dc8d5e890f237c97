import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/domain-error';
import {
  IMPORTER_RUNS,
  expectLocatedRefusal,
  hostileBytes,
  hostileText,
  mutated,
  readOrRefusal,
} from '../../testing/hostile-input';
import { fixturesDir, fixturesMissing } from '../../testing/vuln-fixtures';
import { MAX_XML_DEPTH } from '../feeds/parse-xml-document';
import { readSbomFile } from './read-sbom-file';

// Issue 16, hostile input: whatever bytes arrive as an SBOM, the reader returns components or
// refuses the file with located problems; nothing else escapes and nothing hangs.

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-sbom-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
function write(content: string | Uint8Array, extension = 'json'): string {
  const file = join(dir, `sbom-${written++}.${extension}`);
  writeFileSync(file, content);
  return file;
}

async function refusalOf(file: string): Promise<DomainError> {
  const outcome = await readOrRefusal(() => readSbomFile(file));
  if ('value' in outcome) throw new Error(`${file} was read: ${JSON.stringify(outcome.value).slice(0, 200)}`);
  expectLocatedRefusal(outcome.refusal, file);
  return outcome.refusal;
}

async function readsOrRefusesLocated(file: string): Promise<void> {
  const outcome = await readOrRefusal(() => readSbomFile(file));
  if ('refusal' in outcome) expectLocatedRefusal(outcome.refusal, file);
  else for (const component of outcome.value.components) expect(component.name.trim()).not.toBe('');
}

const component = fc.record(
  {
    type: fc.oneof(fc.constantFrom('library', 'firmware', 'device'), hostileText),
    name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    version: fc.oneof(fc.string(), fc.integer()),
    purl: fc.oneof(fc.constantFrom('pkg:npm/lodash@4.17.21', 'pkg:', 'pkg:npm/%zz'), fc.string()),
    cpe: fc.string(),
  },
  { requiredKeys: [] },
);
const cycloneDxJson = fc
  .record(
    {
      bomFormat: fc.constant('CycloneDX'),
      specVersion: fc.oneof(fc.constantFrom('1.4', '1.5', '1.6', '1.2', '2.0'), fc.string()),
      version: fc.oneof(fc.nat(), fc.string()),
      components: fc.oneof(fc.array(component, { maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['bomFormat'] },
  )
  .map((document) => JSON.stringify(document));
const xmlComponent = fc
  .tuple(fc.constantFrom('library', 'bogus', ''), fc.string({ maxLength: 20 }), fc.string({ maxLength: 30 }))
  .map(([type, name, purl]) => `<component type="${type}"><name>${name}</name><purl>${purl}</purl></component>`);
const cycloneDxXml = fc
  .tuple(fc.constantFrom('1.4', '1.5', '1.6', '9.9'), fc.array(xmlComponent, { maxLength: 4 }), hostileText)
  .map(
    ([version, components, tail]) =>
      `<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/${version}"><components>${components.join('')}</components>${tail}</bom>`,
  );
const spdxTagValue = fc
  .array(
    fc.tuple(fc.constantFrom('SPDXVersion', 'PackageName', 'SPDXID', 'ExternalRef', 'PackageVersion'), hostileText),
  )
  .map((lines) => `SPDXVersion: SPDX-2.3\n${lines.map(([key, value]) => `${key}: ${value}`).join('\n')}`);

describe('readSbomFile on hostile input', () => {
  it('reads or refuses with located problems: arbitrary bytes, CycloneDX-shaped JSON and XML, SPDX tag-value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileBytes(['{"bomFormat":"CycloneDX",', '<bom ', 'SPDXVersion: SPDX-2.3\n', '{"spdxVersion":']),
          hostileText.map((text) => Buffer.from(text)),
          cycloneDxJson.map((text) => Buffer.from(text)),
          cycloneDxXml.map((text) => Buffer.from(text)),
          spdxTagValue.map((text) => Buffer.from(text)),
        ),
        async (bytes) => readsOrRefusesLocated(write(bytes)),
      ),
      { numRuns: IMPORTER_RUNS },
    );
  });

  it('refuses JSON nested 100,000 levels deep, located', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    await refusalOf(write(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":${deep}}`));
  });

  it(`refuses XML nested 100,000 levels deep (more than ${MAX_XML_DEPTH}), naming the depth`, async () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const refusal = await refusalOf(
      write(`<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6">${deep}</bom>`, 'xml'),
    );
    expect(refusal.details[0]).toMatchObject({ path: '/', reason: expect.stringContaining('nested deeper') });
  });
});

const sbomFixturesMissing = fixturesMissing('sbom');

// Invalid variants of the public CycloneDX examples: each refused with the problem located.
describe.skipIf(sbomFixturesMissing !== undefined)(
  sbomFixturesMissing ?? 'invalid variants of the public CycloneDX examples (../shared/fixtures/sbom)',
  () => {
    const source = (): Record<string, unknown> & { components: Record<string, unknown>[] } =>
      JSON.parse(
        readFileSync(join(fixturesDir('sbom'), 'cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.json'), 'utf8'),
      );

    it('the example itself is read (so each variant fails for its one change)', async () => {
      const sbom = await readSbomFile(write(JSON.stringify(source())));
      expect(sbom.components.length).toBeGreaterThan(10);
    });

    it.each([
      [
        'an unsupported specVersion',
        '$.specVersion',
        'specVersion',
        (bom: ReturnType<typeof source>) => void (bom['specVersion'] = '1.1'),
      ],
      [
        'specVersion as a number',
        '$.specVersion',
        'specVersion',
        (bom: ReturnType<typeof source>) => void (bom['specVersion'] = 1.4),
      ],
      [
        'a broken purl',
        '$.components[3].purl',
        'purl',
        (bom: ReturnType<typeof source>) => void (bom.components[3]!['purl'] = 'pkg:npm/%E0%A4%A@1.0'),
      ],
      [
        'a purl without its scheme',
        '$.components[0].purl',
        'purl',
        (bom: ReturnType<typeof source>) => void (bom.components[0]!['purl'] = 'npm/express@4.17.1'),
      ],
      [
        'a component type outside the enumeration',
        '$.components[1].type',
        'type',
        (bom: ReturnType<typeof source>) => void (bom.components[1]!['type'] = 'gadget'),
      ],
      [
        'a component name that is a number',
        '$.components[2].name',
        'name',
        (bom: ReturnType<typeof source>) => void (bom.components[2]!['name'] = 42),
      ],
      [
        'components as an object',
        '$.components',
        'components',
        (bom: ReturnType<typeof source>) => void (bom['components'] = {} as never),
      ],
      [
        'a component without a name',
        '$.components[4].name',
        'name',
        (bom: ReturnType<typeof source>) => void delete bom.components[4]!['name'],
      ],
    ])('refuses %s at %s', async (_, path, field, change) => {
      const bom = source();
      change(bom);
      const refusal = await refusalOf(write(JSON.stringify(bom)));
      expect(refusal.code).toBe('VALIDATION_FAILED');
      expect(refusal.details).toContainEqual(expect.objectContaining({ path, field }));
    });

    const asXml = (bom: ReturnType<typeof source>, version = '1.6'): string =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">\n<components>\n${bom.components
        .slice(0, 5)
        .map(
          (part) =>
            `<component type="${String(part['type'])}"><name>${String(part['name'])}</name>` +
            `<version>${String(part['version'])}</version>` +
            (part['purl'] ? `<purl>${String(part['purl'])}</purl>` : '') +
            '</component>',
        )
        .join('\n')}\n</components>\n</bom>\n`;

    it('reads the example as XML, and refuses XML variants: not well-formed, unknown version, bad purl, bad type', async () => {
      expect((await readSbomFile(write(asXml(source(), '1.4'), 'xml'))).components).toHaveLength(5);
      const unclosed = asXml(source()).replace('</components>', '');
      const notWellFormed = await refusalOf(write(unclosed, 'xml'));
      expect(notWellFormed.details[0]).toMatchObject({
        path: '/',
        reason: expect.stringMatching(/not well-formed XML: .* \(line \d+, column \d+\)/),
      });
      expect((await refusalOf(write(asXml(source(), '1.1'), 'xml'))).details[0]).toMatchObject({
        path: '/bom/@xmlns',
        field: 'xmlns',
      });
      const badPurl = source();
      badPurl.components[2]!['purl'] = 'pkg:';
      expect((await refusalOf(write(asXml(badPurl), 'xml'))).details).toContainEqual(
        expect.objectContaining({ path: '/bom/components/component[3]/purl', field: 'purl' }),
      );
      const badType = source();
      badType.components[0]!['type'] = 'gadget';
      expect((await refusalOf(write(asXml(badType), 'xml'))).details).toContainEqual(
        expect.objectContaining({ path: '/bom/components/component[1]/@type', field: 'type' }),
      );
    });
  },
);

it('mutations of a valid CycloneDX document are read or refused located', async () => {
  const valid = JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [{ type: 'library', name: 'openssl', version: '3.0.1', purl: 'pkg:generic/openssl@3.0.1' }],
  });
  await fc.assert(
    fc.asyncProperty(mutated(valid), async (text) => readsOrRefusesLocated(write(text))),
    { numRuns: IMPORTER_RUNS },
  );
});
