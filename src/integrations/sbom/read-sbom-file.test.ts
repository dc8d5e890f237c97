import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/domain-error';
import { filesBelow, fixturesDir, fixturesMissing } from '../../testing/vuln-fixtures';
import { readSbomFile } from './read-sbom-file';

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-sbom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function failure(file: string): Promise<DomainError> {
  try {
    await readSbomFile(file);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${file} was read without error`);
}

const cyclonedx = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'firmware', name: 'CAM-100 firmware', version: '1.2.0' } },
  components: [
    {
      type: 'operating-system',
      name: 'linux',
      version: '5.10.120',
      cpe: 'cpe:2.3:o:linux:linux_kernel:5.10.120:*:*:*:*:*:*:*',
      components: [
        { type: 'library', name: 'openssl', version: '1.1.1n', purl: 'pkg:deb/debian/openssl@1.1.1n-0+deb11u4' },
      ],
    },
    { type: 'library', name: 'busybox' },
  ],
};

describe('readSbomFile', () => {
  it('reads CycloneDX JSON components, nested ones included', async () => {
    expect(await readSbomFile(write('bom.json', cyclonedx))).toEqual({
      format: 'cyclonedx',
      specVersion: '1.6',
      encoding: 'json',
      components: [
        { name: 'linux', version: '5.10.120', cpe: 'cpe:2.3:o:linux:linux_kernel:5.10.120:*:*:*:*:*:*:*' },
        { name: 'openssl', version: '1.1.1n', purl: 'pkg:deb/debian/openssl@1.1.1n-0+deb11u4' },
        { name: 'busybox', version: '' },
      ],
    });
  });

  it('refuses invalid CycloneDX JSON with located errors', async () => {
    const invalid = structuredClone(cyclonedx) as { components: Record<string, unknown>[] };
    delete invalid.components[1]!['name'];
    const error = await failure(write('invalid.json', invalid));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(
      expect.objectContaining({ path: '$.components[1].name', field: 'name', code: 'missing' }),
    );
    const old = await failure(write('old.json', { ...cyclonedx, specVersion: '1.2' }));
    expect(old.details).toEqual([expect.objectContaining({ path: '$.specVersion', code: 'not_allowed_value' })]);
    // Found by the hostile-input test: a version named like an Object.prototype member.
    const inherited = await failure(write('inherited.json', { ...cyclonedx, specVersion: 'valueOf' }));
    expect(inherited.details).toEqual([expect.objectContaining({ path: '$.specVersion', code: 'not_allowed_value' })]);
  });

  it('reads CycloneDX XML and locates its problems by XML path', async () => {
    const xml = (second: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <components>
    <component type="library"><name>openssl</name><version>3.0.13</version><purl>pkg:generic/openssl@3.0.13</purl></component>
    ${second}
  </components>
</bom>`;
    expect(
      await readSbomFile(write('bom.xml', xml('<component type="firmware"><name>bootloader</name></component>'))),
    ).toEqual({
      format: 'cyclonedx',
      specVersion: '1.5',
      encoding: 'xml',
      components: [
        { name: 'openssl', version: '3.0.13', purl: 'pkg:generic/openssl@3.0.13' },
        { name: 'bootloader', version: '' },
      ],
    });
    const error = await failure(write('bad.xml', xml('<component><version>1</version></component>')));
    expect(error.details).toEqual([
      expect.objectContaining({ path: '/bom/components/component[2]/@type', field: 'type', code: 'missing' }),
      expect.objectContaining({ path: '/bom/components/component[2]/name', field: 'name', code: 'missing' }),
    ]);
    const broken = await failure(write('broken.xml', '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>'));
    expect(broken.details[0]!.reason).toMatch(/not well-formed XML/);
  });

  it('reads SPDX 2.3 JSON and tag-value, and refuses a package without a name', async () => {
    const spdx = {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'cam-100-firmware',
      documentNamespace: 'https://acme.example/spdx/cam-100-1.2.0',
      creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: acme-build'] },
      packages: [
        {
          SPDXID: 'SPDXRef-openssl',
          name: 'openssl',
          versionInfo: '1.1.1n',
          downloadLocation: 'NOASSERTION',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:deb/debian/openssl@1.1.1n',
            },
            {
              referenceCategory: 'SECURITY',
              referenceType: 'cpe23Type',
              referenceLocator: 'cpe:2.3:a:openssl:openssl:1.1.1n:*:*:*:*:*:*:*',
            },
          ],
        },
      ],
    };
    expect((await readSbomFile(write('sbom.spdx.json', spdx))).components).toEqual([
      {
        name: 'openssl',
        version: '1.1.1n',
        purl: 'pkg:deb/debian/openssl@1.1.1n',
        cpe: 'cpe:2.3:a:openssl:openssl:1.1.1n:*:*:*:*:*:*:*',
      },
    ]);
    const invalid = structuredClone(spdx) as { packages: Record<string, unknown>[] };
    delete invalid.packages[0]!['name'];
    const error = await failure(write('invalid.spdx.json', invalid));
    expect(error.details).toEqual([
      expect.objectContaining({ path: '$.packages[0].name', field: 'name', code: 'missing' }),
    ]);

    const tagValue = [
      'SPDXVersion: SPDX-2.3',
      'DataLicense: CC0-1.0',
      'SPDXID: SPDXRef-DOCUMENT',
      'PackageName: busybox',
      'SPDXID: SPDXRef-busybox',
      'PackageVersion: 1.36.1',
      'ExternalRef: PACKAGE-MANAGER purl pkg:generic/busybox@1.36.1',
    ].join('\n');
    expect(await readSbomFile(write('sbom.spdx', tagValue))).toEqual({
      format: 'spdx',
      specVersion: '2.3',
      encoding: 'tag-value',
      components: [{ name: 'busybox', version: '1.36.1', purl: 'pkg:generic/busybox@1.36.1' }],
    });
  });

  it('refuses what is not an SBOM', async () => {
    const error = await failure(write('notes.txt', 'hello'));
    expect(error.details[0]).toMatchObject({ code: 'bad_format' });
  });
});

const sbomFixturesMissing = fixturesMissing('sbom');

describe.skipIf(sbomFixturesMissing !== undefined)(
  sbomFixturesMissing ?? 'public fixtures (../shared/fixtures/sbom)',
  () => {
    const root = sbomFixturesMissing === undefined ? fixturesDir('sbom') : '';
    const files =
      root === '' ? [] : filesBelow(root, ['.json', '.xml']).filter((file) => !/\/schema(?:-2\.3)?\//.test(file));
    // Refused for a stated reason: versions we do not read (CycloneDX 1.2/1.3, SPDX 3.0).
    const refused: Record<string, string> = {
      'cyclonedx/bom-examples/SBOM/cern-lhc-vdm-editor-e564943/bom.json': 'CycloneDX 1.2 is not supported',
      'cyclonedx/bom-examples/SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json': 'CycloneDX 1.2 is not supported',
      'cyclonedx/bom-examples/VEX/bom.json': 'CycloneDX 1.3 is not supported',
      'spdx/examples/software/example7/spdx3.0/example7-bin.spdx3.json':
        'not a CycloneDX (bomFormat) or SPDX (spdxVersion) JSON document',
    };

    it.each(files.map((file) => [relative(root, file), file]))('%s', async (name, file) => {
      const reason = refused[name];
      if (reason) {
        expect((await failure(file)).details[0]!.reason).toContain(reason);
        return;
      }
      const sbom = await readSbomFile(file);
      expect(['cyclonedx', 'spdx']).toContain(sbom.format);
      for (const component of sbom.components) expect(component.name).not.toBe('');
    });

    it('accepts only SPDX documents that the official SPDX 2.3 schema accepts too', async () => {
      const ajv = new Ajv2019({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(
        JSON.parse(readFileSync(join(root, 'spdx/schema-2.3/spdx-schema-2.3.json'), 'utf8')) as object,
      );
      const spdxFiles = files.filter(
        (file) => file.includes('spdx2.3') || file.includes('SPDXVersion2.3') || file.includes('spdx-spec-2.3'),
      );
      expect(spdxFiles.length).toBeGreaterThan(5);
      for (const file of spdxFiles) {
        await readSbomFile(file);
        expect(validate(JSON.parse(readFileSync(file, 'utf8'))), file).toBe(true);
      }
      const sbom = await readSbomFile(join(root, 'cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.json'));
      expect(sbom.components).toContainEqual({
        name: 'stack-cors',
        version: '1.3.0',
        purl: 'pkg:composer/asm89/stack-cors@1.3.0',
      });
    });
  },
);
