import { expect, it } from 'vitest';
import { createTestClock } from '../../testing/test-app';
import { createTestAssessmentDeps, seedAssessment, seedAssessmentTeam } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { saveAnswersBulk } from '../assessments/save-answers-bulk';
import { changeAssessmentStatus } from '../assessments/change-assessment-status';
import { createFinding } from '../findings/create-finding';
import { updateFinding } from '../findings/update-finding';
import { createSystem } from '../assessments/create-system';
import { getHomeOverview } from './get-home-overview';

describeEachDialect('getHomeOverview', (database) => {
  // Today is 2026-11-22 (UTC): anything due on the 21st is overdue, the 22nd is not.
  const clock = createTestClock(new Date('2026-11-22T09:00:00.000Z'));
  const deps = () => createTestAssessmentDeps(database(), clock);

  it("shows systems with their latest assessment's score, my open items, open findings and activity", async () => {
    const team = await seedAssessmentTeam(database(), 'Home');
    const { assessmentId, systemId } = await seedAssessment(deps(), team.owner, { title: 'FY2025' });
    await createSystem(deps(), {
      actor: team.owner,
      system: { name: 'Unassessed gateway', criticality: 'supporting' },
    });
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [
        { itemId: '1', version: 0, result: 'implemented', assigneeUserId: team.assessor.userId, dueDate: '2026-11-21' },
        { itemId: '2', version: 0, result: 'unanswered', assigneeUserId: team.assessor.userId, dueDate: '2026-11-22' },
        { itemId: '3', version: 0, result: 'partial', assigneeUserId: team.assessor.userId },
        { itemId: '4', version: 0, result: 'implemented', assigneeUserId: team.owner.userId, dueDate: '2026-01-01' },
      ],
    });
    const finding = await createFinding(deps(), {
      actor: team.assessor,
      assessmentId,
      finding: { itemId: 'jssec-v2:25', issue: 'Telnet open on cameras', priority: 'high', dueDate: '2026-11-01' },
    });
    const resolved = await createFinding(deps(), {
      actor: team.assessor,
      assessmentId,
      finding: { itemId: 'jssec-v2:26', issue: 'Old firmware', priority: 'low' },
    });
    await updateFinding(deps(), {
      actor: team.assessor,
      findingId: resolved.id,
      update: { status: 'resolved', version: resolved.version },
    });

    const forAssessor = await getHomeOverview(deps(), { actor: team.assessor });
    const system = forAssessor.systems.find((candidate) => candidate.id === systemId);
    expect(system?.latest).toMatchObject({ id: assessmentId, title: 'FY2025', status: 'planned' });
    expect(system?.latest?.completion).toBeCloseTo(3 / 60);
    expect(system?.latest?.score).toBeCloseTo(2.5 / 60);
    expect(forAssessor.systems.find((candidate) => candidate.name === 'Unassessed gateway')?.latest).toBeNull();

    expect(forAssessor.myItems.total).toBe(3);
    expect(forAssessor.myItems.overdue).toBe(1);
    expect(forAssessor.myItems.items.map((item) => [item.itemNumber, item.dueDate, item.overdue])).toEqual([
      ['1', '2026-11-21', true],
      ['2', '2026-11-22', false],
      ['3', null, false],
    ]);
    expect(forAssessor.myItems.items[0]).toMatchObject({
      assessmentTitle: 'FY2025',
      systemName: 'Building automation',
    });

    expect(forAssessor.openFindings).toMatchObject({ total: 1, overdue: 1 });
    expect(forAssessor.openFindings.items).toEqual([
      expect.objectContaining({ id: finding.id, itemNumber: '25', issue: 'Telnet open on cameras', overdue: true }),
    ]);

    // An assessor does not read the audit trail: only their own changes, newest first.
    expect(forAssessor.activity.scope).toBe('mine');
    expect(forAssessor.activity.entries.map((entry) => entry.action)).toEqual([
      'finding.update',
      'finding.create',
      'finding.create',
      'answer.update',
      'answer.update',
      'answer.update',
      'answer.update',
    ]);
    expect(forAssessor.activity.entries.every((entry) => entry.actorUserId === team.assessor.userId)).toBe(true);
    const answerEntry = forAssessor.activity.entries.find((entry) => entry.action === 'answer.update');
    expect(answerEntry?.target).toMatchObject({ assessmentTitle: 'FY2025', systemName: 'Building automation' });

    // An owner sees everyone's activity, including the system and assessment they created.
    const forOwner = await getHomeOverview(deps(), { actor: team.owner });
    expect(forOwner.activity.scope).toBe('organisation');
    expect(forOwner.activity.entries).toHaveLength(10);
    expect(forOwner.myItems.items.map((item) => item.itemNumber)).toEqual(['4']);
  });

  it('leaves out items of closed assessments and accepted answers, and other organisations entirely', async () => {
    const team = await seedAssessmentTeam(database(), 'Closed');
    const other = await seedAssessmentTeam(database(), 'Elsewhere');
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswersBulk(deps(), {
      actor: team.owner,
      assessmentId,
      answers: [{ itemId: '5', version: 0, result: 'implemented', assigneeUserId: team.owner.userId }],
    });
    expect((await getHomeOverview(deps(), { actor: team.owner })).myItems.total).toBe(1);
    for (const [status, version] of [
      ['in_progress', 1],
      ['in_review', 2],
      ['done', 3],
    ] as const)
      await changeAssessmentStatus(deps(), { actor: team.owner, assessmentId, status, version });
    const closed = await getHomeOverview(deps(), { actor: team.owner });
    expect(closed.myItems).toEqual({ total: 0, overdue: 0, items: [] });
    expect(closed.systems[0]?.latest?.status).toBe('done');

    const elsewhere = await getHomeOverview(deps(), { actor: other.owner });
    expect(elsewhere.systems).toEqual([]);
    expect(elsewhere.openFindings.total).toBe(0);
    expect(elsewhere.activity.entries).toEqual([]);
  });
});
