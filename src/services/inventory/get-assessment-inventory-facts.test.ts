import { beforeEach, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../testing/seed-linked-device';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  seedAssessment,
  seedAssessmentTeam,
  type MemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createDataFlow } from './create-data-flow';
import { getAssessmentInventoryFacts } from './get-assessment-inventory-facts';

describeEachDialect('inventory facts of an assessment', (database) => {
  // Today is 2026-11-22 for these counts.
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let assessor: MemberActor;
  let systemId: string;
  let assessmentId: string;
  beforeEach(async () => {
    const team = await seedAssessmentTeam(database(), 'Plant');
    ({ organisationId, assessor } = team);
    ({ systemId, assessmentId } = await seedAssessment(createTestAssessmentDeps(database(), clock), team.owner));
  });

  const factsOf = async (actor: MemberActor = assessor) => {
    const { facts } = await getAssessmentInventoryFacts(deps(), { actor, assessmentId });
    return Object.fromEntries(
      facts.map((fact) => [`${fact.itemId} ${fact.key}`, [fact.count, fact.total, fact.concern]]),
    );
  };

  it('counts only the system’s devices in service and its flows, per item', async () => {
    const known = { owner: '設備課', site: '本社' };
    const ended = await seedLinkedDevice(database(), organisationId, {
      systemId,
      fields: { ...known, supportUntil: '2026-03-31', firmwareUpdatedOn: '2024-01-10' },
    });
    await seedLinkedDevice(database(), organisationId, {
      systemId,
      fields: { supportUntil: '2027-06-30', firmwareUpdatedOn: '2026-10-01' }, // no owner, no site
    });
    await seedLinkedDevice(database(), organisationId, {
      systemId,
      fields: { ...known, supportUntil: '2030-01-01', latitude: null },
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    // Not counted: retired, or not linked to the system.
    await seedLinkedDevice(database(), organisationId, {
      systemId,
      fields: { status: 'retired', supportUntil: '2020-01-01' },
    });
    await seedLinkedDevice(database(), organisationId, { fields: { supportUntil: '2020-01-01' } });
    await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        systemId,
        from: { kind: 'device', id: ended },
        to: { kind: 'external', name: 'Cloud', country: 'US' },
        protocol: 'MQTT',
        encrypted: 'no',
      },
    });
    await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        systemId,
        from: { kind: 'device', id: ended },
        to: { kind: 'system', id: systemId },
        protocol: 'HTTPS',
        encrypted: 'yes',
      },
    });

    const facts = await factsOf();
    expect(facts).toMatchObject({
      'jssec-v2:2 devicesLinked': [3, 3, false],
      'jssec-v2:2 withoutOwner': [1, 3, true],
      'jssec-v2:2 flowsUnencrypted': [1, 2, true],
      'jssec-v2:2 flowsEncryptionUnknown': [0, 2, false],
      'jssec-v2:2 flowsCrossingBorder': [1, 2, false],
      'jssec-v2:2 flowsCrossingInternet': [1, 2, false],
      'jssec-v2:36 supportEnded': [1, 3, true],
      'jssec-v2:36 supportEndingWithinYear': [1, 3, true],
      'jssec-v2:36 supportUnknown': [0, 3, false],
      'jssec-v2:40 firmwareStale': [1, 3, true],
      'jssec-v2:40 firmwareUpdateUnknown': [1, 3, true],
      'jssec-v2:41 withoutOwner': [1, 3, true],
      'jssec-v2:41 withoutLocation': [1, 3, true],
      'jssec-v2:41 recordStale': [1, 3, true],
    });
    expect(Object.keys(facts).filter((key) => !/^jssec-v2:(2|36|40|41) /.test(key))).toEqual([]);
  });

  it('answers zeros for a system without devices, and NOT_FOUND to another organisation', async () => {
    expect(Object.values(await factsOf()).every(([count]) => count === 0)).toBe(true);
    const { owner: outsider } = await seedAssessmentTeam(database(), 'Elsewhere');
    await expect(getAssessmentInventoryFacts(deps(), { actor: outsider, assessmentId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
