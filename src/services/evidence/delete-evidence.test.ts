import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { seedAnswerRow, seedAssessmentRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import {
  createTestEvidenceSetup,
  incomingFile,
  uniquePdf,
  userActor,
  type TestEvidenceSetup,
} from '../../testing/test-evidence';
import { deleteEvidence } from './delete-evidence';
import { linkEvidence } from './link-evidence';
import { uploadEvidence } from './upload-evidence';

describeEachDialect('deleteEvidence', (database) => {
  let setup: TestEvidenceSetup;
  let organisationId: string;
  let actor: ReturnType<typeof userActor>;
  beforeEach(async () => {
    setup = createTestEvidenceSetup(database());
    organisationId = await seedOrganisation(database(), 'Deleter');
    actor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
  });
  afterEach(() => setup.cleanUp());

  const upload = (bytes: Buffer, title: string) =>
    uploadEvidence(setup.deps, { actor, file: incomingFile(bytes, `${title}.pdf`), details: async () => ({ title }) });

  it('removes the file only when no other row refers to the same content', async () => {
    const pdf = uniquePdf();
    const first = await upload(pdf, 'first');
    const second = await upload(pdf, 'second');
    await deleteEvidence(setup.deps, { actor, evidenceId: first.id, confirm: false });
    expect(await setup.storedFiles()).toHaveLength(1);
    await deleteEvidence(setup.deps, { actor, evidenceId: second.id, confirm: false });
    expect(await setup.storedFiles()).toEqual([]);
    expect(
      await database().db.selectFrom('evidence').select('id').where('organisation_id', '=', organisationId).execute(),
    ).toEqual([]);
  });

  it('needs confirmation for evidence behind an accepted answer, and audits what was deleted', async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    await seedAnswerRow(database(), organisationId, assessmentId, 'jssec-v2:25', 'accepted');
    const evidence = await upload(uniquePdf(), 'reviewed');
    await linkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:25', evidenceId: evidence.id });
    await linkEvidence(setup.deps, { actor, assessmentId, itemId: 'jssec-v2:26', evidenceId: evidence.id });

    await expect(deleteEvidence(setup.deps, { actor, evidenceId: evidence.id, confirm: false })).rejects.toMatchObject({
      code: 'CONFLICT',
      extensions: { acceptedSupports: [{ assessmentId, itemId: 'jssec-v2:25' }] },
    });
    expect(await setup.storedFiles()).toHaveLength(1);

    await deleteEvidence(setup.deps, { actor, evidenceId: evidence.id, confirm: true });
    expect(await setup.storedFiles()).toEqual([]);
    expect(
      await database()
        .db.selectFrom('answer_evidence')
        .select('item_id')
        .where('evidence_id', '=', evidence.id)
        .execute(),
    ).toEqual([]);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('summary')
      .where('target_id', '=', evidence.id)
      .where('action', '=', 'evidence.delete')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: {
        title: 'reviewed',
        sha256: evidence.sha256,
        supports: [
          { assessmentId, itemId: 'jssec-v2:25' },
          { assessmentId, itemId: 'jssec-v2:26' },
        ],
      },
      after: { confirmed: true },
    });
  });

  it("does not find another organisation's evidence", async () => {
    const evidence = await upload(uniquePdf(), 'mine');
    const otherOrganisation = await seedOrganisation(database(), 'Other');
    const outsider = userActor(
      (await seedMember(database(), otherOrganisation, 'owner')).userId,
      otherOrganisation,
      'owner',
    );
    await expect(
      deleteEvidence(setup.deps, { actor: outsider, evidenceId: evidence.id, confirm: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await setup.storedFiles()).toHaveLength(1);
  });
});
