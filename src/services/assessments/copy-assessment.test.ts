import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createTestAssessmentDeps, seedAssessment, seedAssessmentTeam } from '../../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../../testing/test-database';
import { compareAssessments } from './compare-assessments';
import { copyAssessment, nextTitle } from './copy-assessment';
import { getAssessment } from './get-assessment';
import { reviewAnswer } from './review-answer';
import { saveAnswer } from './save-answer';
import { saveAnswersBulk } from './save-answers-bulk';

/** Evidence and findings are written by their own use cases; here rows stand in for them. */
async function seedEvidenceAndFindings(database: TestDatabase, organisationId: string, assessmentId: string) {
  const evidenceId = randomUUID();
  const at = '2026-11-20T00:00:00.000Z';
  await database.db
    .insertInto('evidence')
    .values({
      id: evidenceId,
      organisation_id: organisationId,
      kind: 'text',
      title: 'パスワード変更記録',
      evidence_date: null,
      valid_until: null,
      sha256: null,
      media_type: null,
      size_bytes: null,
      original_name: null,
      url: null,
      body: '変更済み',
      created_at: at,
      created_by: null,
    })
    .execute();
  await database.db
    .insertInto('answer_evidence')
    .values({
      assessment_id: assessmentId,
      item_id: 'jssec-v2:25',
      evidence_id: evidenceId,
      organisation_id: organisationId,
      linked_at: at,
      linked_by: null,
    })
    .execute();
  const finding = (status: string, issue: string) => ({
    id: randomUUID(),
    organisation_id: organisationId,
    assessment_id: assessmentId,
    item_id: 'jssec-v2:25',
    device_id: null,
    issue,
    impact: '',
    recommendation: '',
    priority: 'high',
    owner_name: '設備課',
    due_date: '2026-12-31',
    status,
    accepted_by: null,
    accepted_reason: null,
    version: 2,
    created_at: at,
    updated_at: at,
  });
  await database.db
    .insertInto('finding')
    .values([finding('open', 'カメラ 3 台が初期パスワード'), finding('resolved', 'ゲートウェイの初期パスワード')])
    .execute();
  return { evidenceId };
}

describeEachDialect('copying and comparing assessments', (database) => {
  const deps = () => createTestAssessmentDeps(database());

  it('names next year’s run after this one', () => {
    expect(nextTitle('FY2026 チェックシート評価')).toBe('FY2027 チェックシート評価');
    expect(nextTitle('年次評価')).toBe('年次評価 (copy)');
  });

  it('copies answers, checks, comments, evidence links and open findings into a planned run with review reset', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      update: {
        version: 0,
        result: 'partial',
        comment: '一部の機器が未対応',
        dueDate: '2026-12-01',
        checks: { '25.1': { done: true, note: '台帳で確認' } },
      },
    });
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '30',
      update: { version: 0, result: 'not_applicable', justification: '無線 LAN なし' },
    });
    await reviewAnswer(deps(), { actor: team.assessor, assessmentId, itemId: '25', action: 'ready', version: 1 });
    await reviewAnswer(deps(), { actor: team.owner, assessmentId, itemId: '25', action: 'accept', version: 2 });
    const { evidenceId } = await seedEvidenceAndFindings(database(), team.organisationId, assessmentId);

    const copy = await copyAssessment(deps(), { actor: team.assessor, assessmentId });
    expect(copy).toMatchObject({
      status: 'planned',
      copiedFrom: assessmentId,
      title: 'FY2027 checksheet',
      frameworkId: 'jssec-v2',
      version: 1,
    });
    const detail = await getAssessment(deps(), { actor: team.viewer, assessmentId: copy.id });
    const item25 = detail.answers.find((answer) => answer.itemId === 'jssec-v2:25');
    expect(item25).toMatchObject({
      result: 'partial',
      comment: '一部の機器が未対応',
      reviewState: 'open',
      version: 1,
      dueDate: null,
      checks: { 'jssec-v2:25.1': { done: true, note: '台帳で確認' } },
      evidenceCount: 1,
      openFindings: 1,
    });
    expect(detail.answers.find((answer) => answer.itemId === 'jssec-v2:30')).toMatchObject({
      result: 'not_applicable',
      justification: '無線 LAN なし',
    });
    const links = await database()
      .db.selectFrom('answer_evidence')
      .select('evidence_id')
      .where('assessment_id', '=', copy.id)
      .execute();
    expect(links).toEqual([{ evidence_id: evidenceId }]);
    const findings = await database()
      .db.selectFrom('finding')
      .select(['issue', 'status', 'version'])
      .where('assessment_id', '=', copy.id)
      .execute();
    expect(findings).toEqual([{ issue: 'カメラ 3 台が初期パスワード', status: 'open', version: 1 }]);
    const source = await getAssessment(deps(), { actor: team.viewer, assessmentId });
    expect(source.answers.find((answer) => answer.itemId === 'jssec-v2:25')?.reviewState).toBe('accepted');
  });

  it('compares item by item and per function, n/a only for equality', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId: before } = await seedAssessment(deps(), team.owner);
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId: before,
      answers: [
        { itemId: '1', version: 0, result: 'partial' },
        { itemId: '2', version: 0, result: 'implemented' },
        { itemId: '3', version: 0, result: 'not_applicable', justification: 'x' },
        { itemId: '4', version: 0, result: 'not_applicable', justification: 'x' },
        { itemId: '5', version: 0, result: 'not_implemented' },
      ],
    });
    const after = (await copyAssessment(deps(), { actor: team.assessor, assessmentId: before })).id;
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId: after,
      answers: [
        { itemId: '1', version: 1, result: 'implemented' },
        { itemId: '2', version: 1, result: 'not_implemented' },
        { itemId: '4', version: 1, result: 'implemented' },
        { itemId: '6', version: 0, result: 'partial' },
      ],
    });
    const comparison = await compareAssessments(deps(), { actor: team.viewer, baseId: before, otherId: after });
    const change = (itemId: string) => comparison.items.find((item) => item.itemId === `jssec-v2:${itemId}`);
    expect(change('1')).toEqual({ itemId: 'jssec-v2:1', before: 'partial', after: 'implemented', change: 'improved' });
    expect(change('2')?.change).toBe('worse');
    expect(change('3')).toMatchObject({ before: 'not_applicable', after: 'not_applicable', change: 'unchanged' });
    expect(change('4')).toMatchObject({ before: 'not_applicable', after: 'implemented', change: 'changed' });
    expect(change('5')?.change).toBe('unchanged');
    expect(change('6')).toMatchObject({ before: 'unanswered', after: 'partial', change: 'improved' });
    expect(change('60')).toMatchObject({ before: 'unanswered', after: 'unanswered', change: 'unchanged' });
    expect(comparison.items).toHaveLength(60);
    expect(Object.keys(comparison.functions)).toEqual(['ID', 'PR', 'DE', 'RS', 'RC']);
    const id = comparison.functions['ID'];
    expect(id?.after).toBeGreaterThan(id?.before ?? 1);
    expect(id?.change).toBe('improved');
    expect(comparison.functions['RC']).toEqual({ before: 0, after: 0, change: 'unchanged' });
  });
});
