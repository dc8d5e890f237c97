import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { seedAssessmentRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import {
  createTestEvidenceSetup,
  incomingFile,
  uniquePdf,
  userActor,
  type TestEvidenceSetup,
} from '../../testing/test-evidence';
import { linkEvidence } from '../evidence/link-evidence';
import { uploadEvidence } from '../evidence/upload-evidence';
import { deleteAssessment } from './delete-assessment';
import { deleteSystem } from './delete-system';
import { updateAssessment } from './update-assessment';

describeEachDialect('deleting and editing assessments and systems', (database) => {
  let setup: TestEvidenceSetup;
  let organisationId: string;
  let actor: ReturnType<typeof userActor>;
  beforeEach(async () => {
    setup = createTestEvidenceSetup(database());
    organisationId = await seedOrganisation(database(), 'Deleter');
    actor = userActor((await seedMember(database(), organisationId, 'admin')).userId, organisationId);
  });
  afterEach(() => setup.cleanUp());

  const upload = (bytes: Buffer, title: string) =>
    uploadEvidence(setup.deps, { actor, file: incomingFile(bytes, `${title}.pdf`), details: async () => ({ title }) });
  const rows = (table: 'assessment' | 'evidence' | 'answer_evidence' | 'iot_system') =>
    database().db.selectFrom(table).selectAll().where('organisation_id', '=', organisationId).execute();
  const systemOf = async (assessmentId: string) =>
    (
      await database()
        .db.selectFrom('assessment')
        .select('system_id')
        .where('id', '=', assessmentId)
        .executeTakeFirstOrThrow()
    ).system_id;

  it('deletes an assessment, the evidence only it used and that file, keeping shared evidence and files', async () => {
    const doomed = await seedAssessmentRow(database(), organisationId);
    const kept = await seedAssessmentRow(database(), organisationId);
    const only = await upload(uniquePdf(), 'only-doomed');
    const shared = await upload(uniquePdf(), 'shared');
    const library = await upload(uniquePdf(), 'never-linked');
    await linkEvidence(setup.deps, { actor, assessmentId: doomed, itemId: 'jssec-v2:25', evidenceId: only.id });
    await linkEvidence(setup.deps, { actor, assessmentId: doomed, itemId: 'jssec-v2:26', evidenceId: shared.id });
    await linkEvidence(setup.deps, { actor, assessmentId: kept, itemId: 'jssec-v2:26', evidenceId: shared.id });
    expect(await setup.storedFiles()).toHaveLength(3);

    await expect(deleteAssessment(setup.deps, { actor, assessmentId: doomed, version: 7 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await deleteAssessment(setup.deps, { actor, assessmentId: doomed, version: 1 });

    expect((await rows('assessment')).map((row) => row.id)).toEqual([kept]);
    expect((await rows('evidence')).map((row) => row.id).sort()).toEqual([shared.id, library.id].sort());
    expect(await setup.storedFiles()).toHaveLength(2);
    expect((await setup.storedFiles()).some((file) => file.includes(only.sha256 ?? 'none'))).toBe(false);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['summary', 'actor_user_id'])
      .where('action', '=', 'assessment.delete')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { deletedEvidence: 1 } });
  });

  it('refuses to delete a system with assessments unless asked to delete them too', async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    const systemId = await systemOf(assessmentId);
    await expect(
      deleteSystem(setup.deps, { actor, systemId, version: 1, withAssessments: false }),
    ).rejects.toMatchObject({ code: 'SYSTEM_HAS_ASSESSMENTS', extensions: { assessments: 1 } });
    expect(await rows('iot_system')).toHaveLength(1);

    await deleteSystem(setup.deps, { actor, systemId, version: 1, withAssessments: true });
    expect(await rows('iot_system')).toEqual([]);
    expect(await rows('assessment')).toEqual([]);
  });

  it('edits title, period and lead with versions, validates, and audits before → after', async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    const changed = await updateAssessment(setup.deps, {
      actor,
      assessmentId,
      changes: { version: 1, title: ' 2026年度 点検 ', periodStart: '2026-04-01', periodEnd: '2027-03-31' },
    });
    expect(changed).toMatchObject({ title: '2026年度 点検', periodStart: '2026-04-01', version: 2 });
    await expect(
      updateAssessment(setup.deps, { actor, assessmentId, changes: { version: 1, title: 'stale' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', extensions: { current: { title: '2026年度 点検' } } });
    await expect(
      updateAssessment(setup.deps, { actor, assessmentId, changes: { version: 2, periodEnd: '2026-01-01' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'periodEnd', reason: 'is before periodStart' }],
    });
    const cleared = await updateAssessment(setup.deps, {
      actor,
      assessmentId,
      changes: { version: 2, periodEnd: null },
    });
    expect(cleared.periodEnd).toBeNull();
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'assessment.update')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: { periodStart: null },
      after: { title: '2026年度 点検', periodStart: '2026-04-01' },
    });
  });
});
