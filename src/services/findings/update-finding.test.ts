import { beforeEach, expect, it } from 'vitest';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock, testCatalog } from '../../testing/test-app';
import { seedAssessmentRow, setAssessmentStatusRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { createFinding } from './create-finding';
import type { FindingView } from './finding-view';
import { updateFinding } from './update-finding';

describeEachDialect('updateFinding', (database) => {
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock, catalog: testCatalog() });
  let organisationId: string;
  let assessmentId: string;
  let actor: ReturnType<typeof userActor>;
  let userId: string;
  let finding: FindingView;
  beforeEach(async () => {
    organisationId = await seedOrganisation(database(), 'Updater');
    assessmentId = await seedAssessmentRow(database(), organisationId);
    userId = (await seedMember(database(), organisationId, 'assessor')).userId;
    actor = userActor(userId, organisationId);
    finding = await createFinding(deps(), {
      actor,
      assessmentId,
      finding: { itemId: 'jssec-v2:25', issue: 'Telnet open', priority: 'high' },
    });
  });

  it('applies changes against the current version and audits only what changed', async () => {
    clock.advance(60_000);
    const updated = await updateFinding(deps(), {
      actor,
      findingId: finding.id,
      update: { version: 1, status: 'in_progress', ownerName: 'Facilities', priority: 'high' },
    });
    expect(updated).toMatchObject({
      status: 'in_progress',
      ownerName: 'Facilities',
      version: 2,
      updatedAt: clock().toISOString(),
    });
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('summary')
      .where('target_id', '=', finding.id)
      .where('action', '=', 'finding.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toEqual({
      before: { status: 'open', ownerName: '' },
      after: { status: 'in_progress', ownerName: 'Facilities' },
    });
  });

  it('refuses a stale version with 409 and the current finding', async () => {
    await updateFinding(deps(), { actor, findingId: finding.id, update: { version: 1, issue: 'Telnet and FTP open' } });
    await expect(
      updateFinding(deps(), { actor, findingId: finding.id, update: { version: 1, priority: 'low' } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      extensions: { current: { id: finding.id, version: 2, issue: 'Telnet and FTP open', priority: 'high' } },
    });
  });

  it('accepts a risk only with a reason, records who accepted, and clears both on leaving it', async () => {
    await expect(
      updateFinding(deps(), { actor, findingId: finding.id, update: { version: 1, status: 'accepted_risk' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'acceptedReason' }] });
    await expect(
      updateFinding(deps(), {
        actor,
        findingId: finding.id,
        update: { version: 1, status: 'accepted_risk', acceptedReason: '   ' },
      }),
    ).rejects.toMatchObject({ details: [{ field: 'acceptedReason' }] });
    await expect(
      updateFinding(deps(), { actor, findingId: finding.id, update: { version: 1, acceptedReason: 'why' } }),
    ).rejects.toMatchObject({ details: [{ field: 'acceptedReason' }] });

    const accepted = await updateFinding(deps(), {
      actor,
      findingId: finding.id,
      update: {
        version: 1,
        status: 'accepted_risk',
        acceptedReason: 'Cameras are on an isolated VLAN until replacement in 2027.',
      },
    });
    expect(accepted).toMatchObject({
      status: 'accepted_risk',
      acceptedBy: userId,
      acceptedReason: 'Cameras are on an isolated VLAN until replacement in 2027.',
      version: 2,
    });

    const reopened = await updateFinding(deps(), {
      actor,
      findingId: finding.id,
      update: { version: 2, status: 'open' },
    });
    expect(reopened).toMatchObject({ status: 'open', acceptedBy: null, acceptedReason: null, version: 3 });
  });

  it('keeps who accepted when someone else edits other fields, and records a new decider on a new reason', async () => {
    await updateFinding(deps(), {
      actor,
      findingId: finding.id,
      update: { version: 1, status: 'accepted_risk', acceptedReason: 'Isolated VLAN' },
    });
    const admin = userActor((await seedMember(database(), organisationId, 'admin')).userId, organisationId, 'admin');
    const edited = await updateFinding(deps(), {
      actor: admin,
      findingId: finding.id,
      update: { version: 2, ownerName: 'IT' },
    });
    expect(edited.acceptedBy).toBe(userId);
    const restated = await updateFinding(deps(), {
      actor: admin,
      findingId: finding.id,
      update: { version: 3, acceptedReason: 'Isolated VLAN, reviewed yearly' },
    });
    expect(restated.acceptedBy).toBe(admin.kind === 'user' ? admin.userId : '');
  });

  it("does not find another organisation's finding, and freezes findings of an archived assessment", async () => {
    const otherOrganisation = await seedOrganisation(database(), 'Other');
    const outsider = userActor(
      (await seedMember(database(), otherOrganisation, 'owner')).userId,
      otherOrganisation,
      'owner',
    );
    await expect(
      updateFinding(deps(), { actor: outsider, findingId: finding.id, update: { version: 1, status: 'resolved' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setAssessmentStatusRow(database(), assessmentId, 'archived');
    await expect(
      updateFinding(deps(), { actor, findingId: finding.id, update: { version: 1, status: 'resolved' } }),
    ).rejects.toMatchObject({ code: 'ASSESSMENT_CLOSED' });
    const stored = await database()
      .db.selectFrom('finding')
      .select(['status', 'version'])
      .where('id', '=', finding.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'open', version: 1 });
  });
});
