import { expect, it } from 'vitest';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { getCoverage } from './get-coverage';
import { listCoverageGaps } from './list-coverage-gaps';
import { saveAnswersBulk } from './save-answers-bulk';

describeEachDialect('coverage of another framework', (database) => {
  const deps = () => createTestAssessmentDeps(database());

  it('infers every CSF 2.0 subcategory from the answers, with each source', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [
        { itemId: '9', version: 0, result: 'not_implemented' },
        { itemId: '23', version: 0, result: 'implemented' },
        { itemId: '34', version: 0, result: 'implemented' },
        { itemId: '32', version: 0, result: 'not_implemented' },
      ],
    });
    const coverage = await getCoverage(deps(), { actor: team.viewer, assessmentId, frameworkId: 'nist-csf-2.0' });
    expect(coverage.framework).toBe('nist-csf-2.0');
    expect(coverage.source).toBe('jssec-v2');
    expect(coverage.items).toHaveLength(106);
    const ps01 = coverage.items.find((item) => item.id === 'PR.PS-01');
    // 23 (subset) and 34 (intersect) are implemented: capped at partial. 9, 32 and 41 are only
    // related, so their not_implemented and unanswered results do not count.
    expect(ps01?.status).toBe('partial');
    expect(ps01?.sources).toEqual(
      expect.arrayContaining([
        { item: '23', result: 'implemented', relationship: 'subset' },
        { item: '34', result: 'implemented', relationship: 'intersect' },
        { item: '9', result: 'not_implemented', relationship: 'related' },
        { item: '41', result: 'unanswered', relationship: 'related' },
      ]),
    );
  });

  it('lists the gaps with the checksheet items to work on', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [{ itemId: '23', version: 0, result: 'not_implemented' }],
    });
    const { gaps } = await listCoverageGaps(deps(), { actor: team.viewer, assessmentId, frameworkId: 'nist-csf-2.0' });
    expect(gaps.find((gap) => gap.id === 'PR.PS-01')).toMatchObject({
      status: 'not_implemented',
      workOn: expect.arrayContaining(['23']),
    });
    expect(gaps.some((gap) => (gap.status as string) === 'implemented')).toBe(false);
  });

  it('refuses another organisation, the assessed framework itself and an unknown framework', async () => {
    const team = await seedAssessmentTeam(database());
    const other = await seedAssessmentTeam(database(), 'Other');
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const input = { assessmentId, frameworkId: 'nist-csf-2.0' };
    expect((await domainErrorOf(getCoverage(deps(), { ...input, actor: other.owner }))).code).toBe('NOT_FOUND');
    expect(
      (await domainErrorOf(getCoverage(deps(), { ...input, actor: team.owner, frameworkId: 'jssec-v2' }))).code,
    ).toBe('VALIDATION_FAILED');
    expect((await domainErrorOf(getCoverage(deps(), { ...input, actor: team.owner, frameworkId: 'nope' }))).code).toBe(
      'FRAMEWORK_NOT_FOUND',
    );
  });
});
