import { expect, it } from 'vitest';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import { testCatalog } from '../../testing/test-app';
import { createTestAssessmentDeps, seedAssessment, seedAssessmentTeam } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { getScores } from './get-scores';
import { listAssessments } from './list-assessments';
import { saveAnswersBulk } from './save-answers-bulk';

describeEachDialect('scores through the service', (database) => {
  const deps = () => createTestAssessmentDeps(database());
  const items = listFrameworkItems(testCatalog(), 'jssec-v2');
  const inFunction = (code: string) => items.filter((item) => item.functionCode === code).length;

  it('scores an untouched assessment 0 with every item unanswered', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const scores = await getScores(deps(), { actor: team.viewer, assessmentId });
    expect(items).toHaveLength(60);
    expect(scores.overall).toMatchObject({
      items: 60,
      applicable: 60,
      answered: 0,
      unanswered: 60,
      score: 0,
      completion: 0,
      level: 0,
    });
    expect(Object.keys(scores.functions)).toEqual(['ID', 'PR', 'DE', 'RS', 'RC']);
  });

  it('counts implemented 1, partial 0.5, leaves not_applicable out and unanswered in as 0', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [
        { itemId: '1', version: 0, result: 'implemented' },
        { itemId: '2', version: 0, result: 'partial' },
        { itemId: '4', version: 0, result: 'not_applicable', justification: '事業継続計画は別途' },
        { itemId: '5', version: 0, result: 'not_implemented' },
        { itemId: '22', version: 0, result: 'implemented' },
        { itemId: '23', version: 0, result: 'unanswered', comment: 'まだ確認中' },
      ],
    });
    const scores = await getScores(deps(), { actor: team.viewer, assessmentId });
    expect(scores.overall).toMatchObject({
      items: 60,
      applicable: 59,
      answered: 5,
      implemented: 2,
      partial: 1,
      notImplemented: 1,
      notApplicable: 1,
      unanswered: 55,
    });
    expect(scores.overall.score).toBeCloseTo(2.5 / 59);
    expect(scores.overall.completion).toBeCloseTo(5 / 60);
    expect(scores.functions['ID']?.applicable).toBe(inFunction('ID') - 1);
    expect(scores.functions['ID']?.score).toBeCloseTo(1.5 / (inFunction('ID') - 1));
    expect(scores.functions['PR']?.score).toBeCloseTo(1 / inFunction('PR'));
    expect(scores.categories['ID.AM']).toMatchObject({ implemented: 1, partial: 1 });
    expect(scores.functions['RC']).toMatchObject({ score: 0, answered: 0 });

    const [summary] = await listAssessments(deps(), { actor: team.viewer });
    expect(summary?.overallScore).toBeCloseTo(2.5 / 59);
    expect(summary?.completion).toBeCloseTo(5 / 60);
    expect(summary?.systemName).toBe('Building automation');
  });

  it('gives null (not 0) when every item of a group is not applicable', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const recover = items.filter((item) => item.functionCode === 'RC');
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: recover.map((item) => ({
        itemId: item.itemId,
        version: 0,
        result: 'not_applicable' as const,
        justification: '復旧は親システムの計画で扱う',
      })),
    });
    const scores = await getScores(deps(), { actor: team.viewer, assessmentId });
    expect(scores.functions['RC']).toMatchObject({ applicable: 0, score: null, completion: 1, level: 0 });
    expect(scores.overall.applicable).toBe(60 - recover.length);
  });
});
