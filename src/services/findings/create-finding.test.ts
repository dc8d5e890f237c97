import { beforeEach, expect, it } from 'vitest';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createTestClock, testCatalog } from '../../testing/test-app';
import { seedAssessmentRow, setAssessmentStatusRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { createFinding, type FindingInput } from './create-finding';
import { listFindings } from './list-findings';

describeEachDialect('createFinding and listFindings', (database) => {
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock, catalog: testCatalog() });
  let organisationId: string;
  let assessmentId: string;
  let actor: ReturnType<typeof userActor>;
  const input: FindingInput = {
    itemId: 'jssec-v2:25',
    issue: 'Telnet open on cameras',
    priority: 'high',
    dueDate: '2026-12-31',
  };
  beforeEach(async () => {
    organisationId = await seedOrganisation(database(), 'Finder');
    assessmentId = await seedAssessmentRow(database(), organisationId);
    actor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
  });

  it('records an open finding at version 1 and lists it, audited', async () => {
    const finding = await createFinding(deps(), { actor, assessmentId, finding: input });
    expect(finding).toMatchObject({
      assessmentId,
      itemId: 'jssec-v2:25',
      status: 'open',
      version: 1,
      impact: '',
      recommendation: '',
      ownerName: '',
      dueDate: '2026-12-31',
      acceptedBy: null,
      createdAt: clock().toISOString(),
    });
    expect(finding).not.toHaveProperty('organisationId');
    expect(await listFindings(deps(), { actor, assessmentId })).toEqual([finding]);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', finding.id)
      .execute();
    expect(audit).toEqual([{ action: 'finding.create' }]);
  });

  it('takes only items of the assessment’s framework', async () => {
    for (const itemId of ['jssec-v2:25.1', 'jssec-v2:ID', 'nist-csf-2.0:GV.OC-01', 'jssec-v2:999']) {
      await expect(createFinding(deps(), { actor, assessmentId, finding: { ...input, itemId } })).rejects.toMatchObject(
        { code: 'VALIDATION_FAILED', details: [{ field: 'itemId' }] },
      );
    }
    expect(await listFindings(deps(), { actor, assessmentId })).toEqual([]);
  });

  it("does not see another organisation's assessment, and freezes an archived one", async () => {
    const otherOrganisation = await seedOrganisation(database(), 'Other');
    const outsider = userActor(
      (await seedMember(database(), otherOrganisation, 'owner')).userId,
      otherOrganisation,
      'owner',
    );
    await expect(createFinding(deps(), { actor: outsider, assessmentId, finding: input })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(listFindings(deps(), { actor: outsider, assessmentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setAssessmentStatusRow(database(), assessmentId, 'done');
    await expect(createFinding(deps(), { actor, assessmentId, finding: input })).resolves.toMatchObject({
      status: 'open',
    });
    await setAssessmentStatusRow(database(), assessmentId, 'archived');
    await expect(createFinding(deps(), { actor, assessmentId, finding: input })).rejects.toMatchObject({
      code: 'ASSESSMENT_CLOSED',
    });
  });
});
