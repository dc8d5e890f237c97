import { expect, it } from 'vitest';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { applyAssessmentDocument } from './apply-assessment-document';
import { exportAssessmentDocument } from './export-assessment-document';
import { getAssessment } from './get-assessment';
import { saveAnswer } from './save-answer';

describeEachDialect('assessment documents', (database) => {
  const deps = () => createTestAssessmentDeps(database());
  const rowCounts = async () => {
    const db = database().db;
    const tally = async (table: 'assessment' | 'answer' | 'answer_history' | 'audit_event' | 'score_snapshot') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      assessment: await tally('assessment'),
      answer: await tally('answer'),
      history: await tally('answer_history'),
      audit: await tally('audit_event'),
      snapshots: await tally('score_snapshot'),
    };
  };

  it('reports every problem of a bad document, located, and writes nothing', async () => {
    const team = await seedAssessmentTeam(database());
    const { systemId, assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '1',
      update: { version: 0, result: 'partial' },
    });
    const before = await rowCounts();
    const document = {
      iotcheck: 'assessment/v1',
      assessment: { id: assessmentId, systemId, title: 'FY2026 checksheet', frameworkId: 'jssec-v2' },
      answers: [
        { item: '1', result: 'implemented' },
        { item: 'jssec-v2:99', result: 'implemented' },
        { item: '2', result: 'done' },
        { item: '3', result: 'not_applicable' },
        { item: '25', result: 'partial', checks: { '25.1': true, '26.1': true } },
        { item: 'jssec-v2:1', result: 'partial' },
      ],
    };
    const error = await domainErrorOf(applyAssessmentDocument(deps(), { actor: team.assessor, document }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((detail) => [detail.path, detail.field])).toEqual([
      ['answers[2].result', 'result'],
      ['answers[1].item', 'item'],
      ['answers[3].justification', 'justification'],
      ['answers[4].checks.26.1', 'checks.26.1'],
      ['answers[5].item', 'item'],
    ]);
    expect(await rowCounts()).toEqual(before);
    const item1 = (await getAssessment(deps(), { actor: team.viewer, assessmentId })).answers[0];
    expect(item1).toMatchObject({ itemId: 'jssec-v2:1', result: 'partial', version: 1 });
  });

  it('refuses a check named like an Object.prototype member instead of dropping it', async () => {
    const team = await seedAssessmentTeam(database());
    const { systemId, assessmentId } = await seedAssessment(deps(), team.owner);
    const before = await rowCounts();
    // JSON.parse keeps `__proto__` as an ordinary key, as a document uploaded by a user would have it.
    const document: unknown = JSON.parse(
      JSON.stringify({
        iotcheck: 'assessment/v1',
        assessment: { id: assessmentId, systemId, title: 'FY2026 checksheet', frameworkId: 'jssec-v2' },
        answers: [{ item: '25', result: 'partial', checks: { '25.1': true } }],
      }).replace('"25.1"', '"__proto__"'),
    );
    const error = await domainErrorOf(applyAssessmentDocument(deps(), { actor: team.assessor, document }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((detail) => detail.path)).toEqual(['answers[0].checks.__proto__']);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an unreadable document and another organisation’s ids without writing', async () => {
    const team = await seedAssessmentTeam(database());
    const stranger = await seedAssessmentTeam(database(), 'Other');
    const { systemId, assessmentId } = await seedAssessment(deps(), stranger.owner);
    const before = await rowCounts();
    expect(
      (await domainErrorOf(applyAssessmentDocument(deps(), { actor: team.owner, document: 'not a document' }))).details,
    ).toEqual([{ path: '(document)', field: '(document)', reason: expect.any(String) }]);
    const foreign = await domainErrorOf(
      applyAssessmentDocument(deps(), {
        actor: team.owner,
        document: {
          iotcheck: 'assessment/v1',
          assessment: { id: assessmentId, systemId, title: 't', frameworkId: 'jssec-v2' },
          answers: [],
        },
      }),
    );
    expect(foreign.details.map((detail) => detail.path)).toEqual(['assessment.id', 'assessment.systemId']);
    expect(await rowCounts()).toEqual(before);
  });

  it('creates an assessment from a document, then applies it again changing nothing', async () => {
    const team = await seedAssessmentTeam(database());
    const { systemId } = await seedAssessment(deps(), team.owner);
    const document = {
      iotcheck: 'assessment/v1',
      assessment: { systemId, title: 'ベンダー回答の取り込み', frameworkId: 'jssec-v2' },
      answers: [
        { item: '25', result: 'partial', comment: '一部未対応', checks: { 'jssec-v2:25.1': true, '25.2': false } },
        { item: 26, result: 'implemented' },
        { item: 'jssec-v2:30', result: 'not_applicable', justification: '無線なし' },
        { item: '31', result: 'unanswered' },
      ],
    };
    const first = await applyAssessmentDocument(deps(), { actor: team.assessor, document });
    expect(first).toMatchObject({ created: true, changed: 3, unchanged: 1 });
    const detail = await getAssessment(deps(), { actor: team.viewer, assessmentId: first.assessmentId });
    expect(detail.assessment).toMatchObject({ title: 'ベンダー回答の取り込み', status: 'planned', systemId });
    expect(detail.answers.find((answer) => answer.itemId === 'jssec-v2:25')).toMatchObject({
      result: 'partial',
      checks: { 'jssec-v2:25.1': { done: true, note: '' } },
    });

    const again = await applyAssessmentDocument(deps(), {
      actor: team.assessor,
      document: { ...document, assessment: { ...document.assessment, id: first.assessmentId } },
    });
    expect(again).toEqual({ assessmentId: first.assessmentId, created: false, changed: 0, unchanged: 4 });
  });

  it('round-trips: an exported document applies with no change, and an edited one changes only what differs', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      update: { version: 0, result: 'partial', checks: { 'jssec-v2:25.2': { done: true, note: 'メモ' } } },
    });
    const exported = await exportAssessmentDocument(deps(), { actor: team.viewer, assessmentId });
    expect(exported.answers).toHaveLength(60);
    expect(exported.assessment).toMatchObject({
      id: assessmentId,
      catalogHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(exported.answers[24]).toEqual({
      item: 'jssec-v2:25',
      version: 1,
      result: 'partial',
      justification: '',
      comment: '',
      checks: { 'jssec-v2:25.1': false, 'jssec-v2:25.2': true, 'jssec-v2:25.3': false, 'jssec-v2:25.4': false },
    });
    expect(await applyAssessmentDocument(deps(), { actor: team.assessor, document: exported })).toMatchObject({
      created: false,
      changed: 0,
      unchanged: 60,
    });

    const edited = {
      ...exported,
      answers: exported.answers.map((answer) =>
        answer.item === 'jssec-v2:25'
          ? { ...answer, result: 'implemented' as const, checks: { ...answer.checks, 'jssec-v2:25.1': true } }
          : answer,
      ),
    };
    expect(await applyAssessmentDocument(deps(), { actor: team.assessor, document: edited })).toMatchObject({
      changed: 1,
      unchanged: 59,
    });
    const item25 = (await getAssessment(deps(), { actor: team.viewer, assessmentId })).answers[24];
    expect(item25).toMatchObject({
      result: 'implemented',
      version: 2,
      checks: { 'jssec-v2:25.1': { done: true, note: '' }, 'jssec-v2:25.2': { done: true, note: 'メモ' } },
    });
  });
});
