import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createTestClock } from '../../../testing/test-app';
import { domainErrorOf, seedAssessmentTeam, type MemberActor } from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';
import { readDeviceFirmware } from '../firmware/read-device-firmware';
import { setLatestFirmware } from '../firmware/latest-firmware';
import { importSbom, type SbomTarget } from './import-sbom';
import { listSbomComponents, listSboms } from './list-sboms';

const cycloneDx = (names: string[]) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    components: names.map((name) => ({ type: 'library', name, version: '1.0', purl: `pkg:generic/${name}@1.0` })),
  });

describeEachDialect('SBOM lists and a device’s firmware standing', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let assessor: MemberActor;
  let viewer: MemberActor;
  let device: string;
  let otherModelDevice: string;
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-sbom-list-'));
  const store = (target: SbomTarget, names: string[], fileName = 'bom.cdx.json') => {
    const file = join(dir, `${names.join('-') || 'empty'}.json`);
    writeFileSync(file, cycloneDx(names));
    return importSbom(deps(), { actor: assessor, file, fileName, target });
  };

  beforeEach(async () => {
    ({ organisationId, assessor, viewer } = await seedAssessmentTeam(database(), 'Plant'));
    const fields = { manufacturer: 'Acme', model: 'CAM-100', firmwareVersion: '1.2' };
    device = await seedLinkedDevice(database(), organisationId, { fields });
    otherModelDevice = await seedLinkedDevice(database(), organisationId, { fields: { ...fields, model: 'CAM-200' } });
  });

  it('lists all SBOMs, one model’s (names compared as matching does) and those applying to a device', async () => {
    const model = await store({ kind: 'model', manufacturer: 'ACME', model: 'cam-100' }, ['busybox', 'openssl']);
    await store({ kind: 'model', manufacturer: 'Acme', model: 'CAM-200' }, ['zlib']);
    expect((await listSboms(deps(), { actor: viewer, target: { kind: 'all' } })).items).toHaveLength(2);
    const forModel = await listSboms(deps(), {
      actor: viewer,
      target: { kind: 'model', manufacturer: 'Acme', model: 'CAM-100' },
    });
    expect(forModel.items.map((sbom) => sbom.id)).toEqual([model.id]);
    const before = await listSboms(deps(), { actor: viewer, target: { kind: 'device', deviceId: device } });
    expect(before.items.map((sbom) => sbom.id)).toEqual([model.id]);

    const own = await store({ kind: 'device', deviceId: device }, ['uboot']);
    const after = await listSboms(deps(), { actor: viewer, target: { kind: 'device', deviceId: device } });
    expect(after.items.map((sbom) => [sbom.id, sbom.deviceId])).toEqual([
      [own.id, device],
      [model.id, null],
    ]);
    const other = await listSboms(deps(), { actor: viewer, target: { kind: 'device', deviceId: otherModelDevice } });
    expect(other.items.map((sbom) => sbom.model)).toEqual(['CAM-200']);
  });

  it('pages through an SBOM’s components in file order', async () => {
    const names = Array.from({ length: 5 }, (_, index) => `lib${index}`);
    const sbom = await store({ kind: 'model', manufacturer: 'Acme', model: 'CAM-100' }, names);
    const first = await listSbomComponents(deps(), { actor: viewer, sbomId: sbom.id, limit: 3 });
    expect(first.sbom).toMatchObject({ id: sbom.id, componentCount: 5, format: 'cyclonedx', specVersion: '1.5' });
    expect(first.items.map((component) => component.name)).toEqual(['lib0', 'lib1', 'lib2']);
    expect(first.items[0]).toEqual({
      position: 0,
      name: 'lib0',
      version: '1.0',
      purl: 'pkg:generic/lib0@1.0',
      cpe: null,
    });
    expect(first.nextAfter).toBe(2);
    const rest = await listSbomComponents(deps(), { actor: viewer, sbomId: sbom.id, after: 2, limit: 3 });
    expect(rest.items.map((component) => component.name)).toEqual(['lib3', 'lib4']);
    expect(rest.nextAfter).toBeNull();
  });

  it('keeps other organisations out', async () => {
    const sbom = await store({ kind: 'model', manufacturer: 'Acme', model: 'CAM-100' }, ['busybox']);
    const stranger = (await seedAssessmentTeam(database(), 'Elsewhere')).owner;
    expect((await listSboms(deps(), { actor: stranger, target: { kind: 'all' } })).items).toEqual([]);
    expect((await domainErrorOf(listSbomComponents(deps(), { actor: stranger, sbomId: sbom.id }))).code).toBe(
      'NOT_FOUND',
    );
    const foreignDevice = listSboms(deps(), { actor: stranger, target: { kind: 'device', deviceId: device } });
    expect((await domainErrorOf(foreignDevice)).code).toBe('NOT_FOUND');
    expect((await domainErrorOf(readDeviceFirmware(deps(), { actor: stranger, deviceId: device }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('tells whether a device’s firmware is behind the latest recorded for its model', async () => {
    expect(await readDeviceFirmware(deps(), { actor: viewer, deviceId: device })).toEqual({
      firmwareVersion: '1.2',
      standing: 'no_record',
      latest: null,
    });
    await setLatestFirmware(deps(), {
      actor: assessor,
      change: { manufacturer: 'Acme', model: 'CAM-100', version: '1.3', releasedOn: '2026-11-20' },
    });
    expect(await readDeviceFirmware(deps(), { actor: viewer, deviceId: device })).toMatchObject({
      standing: 'behind',
      latest: { version: '1.3', releasedOn: '2026-11-20' },
    });
    await setLatestFirmware(deps(), {
      actor: assessor,
      change: { manufacturer: 'Acme', model: 'CAM-100', version: '1.2' },
    });
    expect((await readDeviceFirmware(deps(), { actor: viewer, deviceId: device })).standing).toBe('current');
  });
});
