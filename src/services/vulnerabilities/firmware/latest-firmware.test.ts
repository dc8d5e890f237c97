import { beforeEach, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createTestClock } from '../../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
  type MemberActor,
} from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';
import { getMachineEvidence } from '../evidence/get-machine-evidence';
import { listLatestFirmwareRecords, setLatestFirmware } from './latest-firmware';

describeEachDialect('latest known firmware and item 40', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let owner: MemberActor;
  let assessor: MemberActor;
  let viewer: MemberActor;
  beforeEach(async () => {
    ({ organisationId, owner, assessor, viewer } = await seedAssessmentTeam(database(), 'Plant'));
  });

  it('records, replaces and lists the latest firmware of a model, audited', async () => {
    await setLatestFirmware(deps(), {
      actor: assessor,
      change: { manufacturer: ' Acme ', model: 'CAM-100', version: '1.3', source: 'https://acme.example/fw' },
    });
    const replaced = await setLatestFirmware(deps(), {
      actor: owner,
      change: { manufacturer: 'Acme', model: 'CAM-100', version: '1.4', releasedOn: '2026-11-20' },
    });
    expect(replaced).toMatchObject({
      manufacturer: 'Acme',
      model: 'CAM-100',
      version: '1.4',
      releasedOn: '2026-11-20',
    });
    const { items } = await listLatestFirmwareRecords(deps(), { actor: viewer });
    expect(items).toEqual([
      expect.objectContaining({ manufacturer: 'Acme', model: 'CAM-100', version: '1.4', source: '' }),
    ]);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'target_id'])
      .where('organisation_id', '=', organisationId)
      .where('action', '=', 'vulnerability.latest_firmware')
      .execute();
    expect(audit).toEqual([
      { action: 'vulnerability.latest_firmware', target_id: 'Acme CAM-100' },
      { action: 'vulnerability.latest_firmware', target_id: 'Acme CAM-100' },
    ]);
  });

  it('refuses a viewer, blank fields and a release day that is not a day, writing nothing', async () => {
    expect(
      (
        await domainErrorOf(
          setLatestFirmware(deps(), { actor: viewer, change: { manufacturer: 'Acme', model: 'X', version: '1' } }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const invalid = await domainErrorOf(
      setLatestFirmware(deps(), {
        actor: owner,
        change: { manufacturer: 'Acme', model: ' ', version: '1', releasedOn: '2026-13-01' },
      }),
    );
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.details.map((detail) => detail.field)).toEqual(['model', 'releasedOn']);
    expect((await listLatestFirmwareRecords(deps(), { actor: owner })).items).toEqual([]);
  });

  it('counts the system’s devices behind the latest firmware, the ones not comparable and the unrecorded models', async () => {
    const { systemId, assessmentId } = await seedAssessment(createTestAssessmentDeps(database(), clock), owner);
    const device = (model: string, firmwareVersion: string, status?: 'retired') =>
      seedLinkedDevice(database(), organisationId, {
        systemId,
        fields: { manufacturer: 'Acme', model, firmwareVersion, ...(status ? { status } : {}) },
      });
    await device('CAM-100', '1.2'); // behind
    await device('CAM-100', 'V1.1'); // behind (vendor form)
    await device('CAM-100', '1.4'); // current
    await device('CAM-100', 'latest'); // not comparable
    await device('CAM-100', ''); // not comparable
    await device('CAM-100', '1.0', 'retired'); // not in service: not counted
    await device('GW-9', '2.0'); // no record for its model
    await seedLinkedDevice(database(), organisationId, {
      fields: { manufacturer: 'Acme', model: 'CAM-100', firmwareVersion: '0.1' },
    }); // other system

    const before = await getMachineEvidence(deps(), { actor: viewer, assessmentId });
    expect(before.items['jssec-v2:40']).toEqual([
      expect.objectContaining({ key: 'firmwareBehind', count: 0, total: 6, concern: false, observedAt: null }),
      expect.objectContaining({ key: 'firmwareNotComparable', count: 0 }),
      expect.objectContaining({ key: 'firmwareLatestUnrecorded', count: 6, source: 'latest-firmware' }),
    ]);

    clock.set(new Date('2026-12-02T09:00:00.000Z'));
    await setLatestFirmware(deps(), {
      actor: assessor,
      change: { manufacturer: 'Acme', model: 'CAM-100', version: '1.4' },
    });
    const after = await getMachineEvidence(deps(), { actor: viewer, assessmentId });
    expect(after.items['jssec-v2:40']).toEqual([
      {
        key: 'firmwareBehind',
        count: 2,
        total: 6,
        concern: true,
        source: 'latest-firmware',
        observedAt: '2026-12-02T09:00:00.000Z',
      },
      expect.objectContaining({ key: 'firmwareNotComparable', count: 2, concern: false }),
      expect.objectContaining({ key: 'firmwareLatestUnrecorded', count: 1 }),
    ]);
    expect(after.items['jssec-v2:36']?.map((entry) => entry.key)).toEqual([
      'supportEnded',
      'supportEnding6m',
      'endOfLife',
    ]);
  });
});
