import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { getItemWeights } from './get-item-weights';
import { listGaps } from './list-gaps';
import { saveAnswersBulk } from './save-answers-bulk';
import { setItemWeights } from './set-item-weights';

describeEachDialect('gaps and item weights', (database) => {
  const clock = createTestClock(new Date('2026-11-22T09:00:00.000Z'));
  const deps = () => createTestAssessmentDeps(database(), clock);

  it('ranks not_implemented and partial items by weight × criticality × overdue, with their open findings', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner, { criticality: 'critical' });
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [
        { itemId: '1', version: 0, result: 'implemented', dueDate: '2026-01-01' },
        { itemId: '2', version: 0, result: 'partial' },
        { itemId: '3', version: 0, result: 'not_implemented', dueDate: '2026-11-21' },
        { itemId: '25', version: 0, result: 'not_implemented', dueDate: '2026-11-22' },
        { itemId: '26', version: 0, result: 'partial' },
      ],
    });
    await setItemWeights(deps(), { actor: team.owner, weights: { 'jssec-v2:26': 2.5, 'jssec-v2:2': 0.5 } });
    const at = clock().toISOString();
    await database()
      .db.insertInto('finding')
      .values({
        id: randomUUID(),
        organisation_id: team.organisationId,
        assessment_id: assessmentId,
        item_id: 'jssec-v2:25',
        device_id: null,
        issue: '初期パスワードのまま',
        impact: '',
        recommendation: '',
        priority: 'high',
        owner_name: '',
        due_date: null,
        status: 'in_progress',
        accepted_by: null,
        accepted_reason: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();

    const { gaps } = await listGaps(deps(), { actor: team.viewer, assessmentId });
    expect(gaps.map((gap) => [gap.itemId, gap.weight, gap.overdue, gap.rank])).toEqual([
      ['jssec-v2:26', 2.5, false, 7.5],
      ['jssec-v2:3', 1, true, 6],
      ['jssec-v2:25', 1, false, 3],
      ['jssec-v2:2', 0.5, false, 1.5],
    ]);
    expect(gaps[2]?.openFindings.map((finding) => [finding.issue, finding.status])).toEqual([
      ['初期パスワードのまま', 'in_progress'],
    ]);
  });

  it('keeps weights per organisation and refuses unknown items without writing', async () => {
    const team = await seedAssessmentTeam(database());
    const other = await seedAssessmentTeam(database(), 'Other');
    await setItemWeights(deps(), { actor: team.owner, weights: { 'jssec-v2:10': 3 } });
    const bad = await domainErrorOf(
      setItemWeights(deps(), {
        actor: team.owner,
        weights: { 'jssec-v2:99': 1, 'jssec-v2:10.1': 2, 'jssec-v2:11': 4 },
      }),
    );
    expect(bad.details.map((detail) => detail.path)).toEqual(['weights.jssec-v2:99', 'weights.jssec-v2:10.1']);
    expect(await getItemWeights(deps(), { actor: team.viewer })).toEqual({ weights: { 'jssec-v2:10': 3 } });
    expect(await getItemWeights(deps(), { actor: other.owner })).toEqual({ weights: {} });
  });
});
