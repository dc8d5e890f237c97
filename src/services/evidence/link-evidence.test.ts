import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { seedAssessmentRow, setAssessmentStatusRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import { createTestEvidenceSetup, userActor, type TestEvidenceSetup } from '../../testing/test-evidence';
import { createEvidenceEntry } from './create-evidence-entry';
import { getEvidence } from './get-evidence';
import { linkEvidence } from './link-evidence';
import { listEvidence } from './list-evidence';
import { unlinkEvidence } from './unlink-evidence';

describeEachDialect('linking evidence to answers', (database) => {
  let setup: TestEvidenceSetup;
  let organisationId: string;
  let actor: ReturnType<typeof userActor>;
  beforeEach(async () => {
    setup = createTestEvidenceSetup(database());
    organisationId = await seedOrganisation(database(), 'Linker');
    actor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
  });
  afterEach(() => setup.cleanUp());

  const note = () =>
    createEvidenceEntry(setup.deps, {
      actor,
      entry: { kind: 'text', title: 'Interview notes', body: 'Telnet is disabled on all cameras.' },
    });

  it('lets one evidence support many answers of many assessments, once each', async () => {
    const first = await seedAssessmentRow(database(), organisationId);
    const second = await seedAssessmentRow(database(), organisationId);
    const evidence = await note();
    await linkEvidence(setup.deps, { actor, assessmentId: first, itemId: 'jssec-v2:25', evidenceId: evidence.id });
    await linkEvidence(setup.deps, { actor, assessmentId: first, itemId: 'jssec-v2:25', evidenceId: evidence.id });
    const linked = await linkEvidence(setup.deps, {
      actor,
      assessmentId: second,
      itemId: 'jssec-v2:40',
      evidenceId: evidence.id,
    });
    expect(linked.supports).toHaveLength(2);
    expect((await listEvidence(setup.deps, { actor, assessmentId: second })).map((item) => item.id)).toEqual([
      evidence.id,
    ]);
    expect(await listEvidence(setup.deps, { actor, assessmentId: second, itemId: 'jssec-v2:25' })).toEqual([]);
    const actions = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', evidence.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual(['evidence.create', 'evidence.link', 'evidence.link']);

    await unlinkEvidence(setup.deps, { actor, assessmentId: first, itemId: 'jssec-v2:25', evidenceId: evidence.id });
    expect((await getEvidence(setup.deps, { actor, evidenceId: evidence.id })).supports).toEqual([
      { assessmentId: second, itemId: 'jssec-v2:40' },
    ]);
    await expect(
      unlinkEvidence(setup.deps, { actor, assessmentId: first, itemId: 'jssec-v2:25', evidenceId: evidence.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuses another organisation's evidence or assessment, and items outside the framework", async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    const otherOrganisation = await seedOrganisation(database(), 'Other');
    const theirAssessment = await seedAssessmentRow(database(), otherOrganisation);
    const outsider = userActor(
      (await seedMember(database(), otherOrganisation, 'owner')).userId,
      otherOrganisation,
      'owner',
    );
    const theirs = await createEvidenceEntry(setup.deps, {
      actor: outsider,
      entry: { kind: 'link', title: 'Theirs', url: 'https://example.jp/x' },
    });
    const mine = await note();
    await expect(
      linkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:25', evidenceId: theirs.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      linkEvidence(setup.deps, { actor, assessmentId: theirAssessment, itemId: 'jssec-v2:25', evidenceId: mine.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      linkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:25.1', evidenceId: mine.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getEvidence(setup.deps, { actor, evidenceId: theirs.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await database()
        .db.selectFrom('answer_evidence')
        .select('evidence_id')
        .where('organisation_id', '=', organisationId)
        .execute(),
    ).toEqual([]);
  });

  it('freezes links once the assessment is done or archived', async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    const evidence = await note();
    await linkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:25', evidenceId: evidence.id });
    for (const status of ['done', 'archived'] as const) {
      await setAssessmentStatusRow(database(), assessmentId, status);
      await expect(
        linkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:26', evidenceId: evidence.id }),
      ).rejects.toMatchObject({ code: 'ASSESSMENT_CLOSED' });
      await expect(
        unlinkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:25', evidenceId: evidence.id }),
      ).rejects.toMatchObject({ code: 'ASSESSMENT_CLOSED' });
    }
  });
});
