import { expect, it } from 'vitest';
import { createTestAccountDeps } from '../../testing/test-app';
import { createTestAssessmentDeps, seedAssessment, seedAssessmentTeam } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { saveAnswersBulk } from '../assessments/save-answers-bulk';
import { createFinding } from '../findings/create-finding';
import { setMemberRole } from '../organisations/manage-members';
import { listAuditFilters } from './list-audit-filters';
import { listOrganisationAudit } from './list-organisation-audit';

describeEachDialect('the audit trail as people read it', (database) => {
  const deps = () => createTestAssessmentDeps(database());

  it('names actors and targets, pages newest first, and offers the people and actions that occur', async () => {
    const team = await seedAssessmentTeam(database(), 'Readable');
    const { assessmentId, systemId } = await seedAssessment(deps(), team.owner, { title: '2026年度 定期評価' });
    await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [{ itemId: '25', version: 0, result: 'partial' }],
    });
    const finding = await createFinding(deps(), {
      actor: team.assessor,
      assessmentId,
      finding: { itemId: 'jssec-v2:26', issue: 'Telnet open on cameras', priority: 'high' },
    });
    await setMemberRole(createTestAccountDeps(database()), {
      actor: team.owner,
      userId: team.viewer.userId,
      role: 'assessor',
    });

    const first = await listOrganisationAudit(deps(), { actor: team.owner, order: 'newest', limit: 3 });
    expect(first.entries.map((entry) => entry.action)).toEqual([
      'member.role_changed',
      'finding.create',
      'answer.update',
    ]);
    const [role, created, answer] = first.entries;
    expect(role?.target).toMatchObject({ type: 'user', id: team.viewer.userId, name: 'viewer' });
    expect(role?.summary).toEqual({ before: { role: 'viewer' }, after: { role: 'assessor' } });
    expect(role?.actorName).toBe('owner');
    expect(created?.target).toMatchObject({
      id: finding.id,
      name: 'Telnet open on cameras',
      assessmentId,
      assessmentTitle: '2026年度 定期評価',
      systemName: 'Building automation',
      itemNumber: '26',
    });
    expect(answer?.target).toMatchObject({ type: 'answer', assessmentTitle: '2026年度 定期評価', itemNumber: '25' });

    const rest = await listOrganisationAudit(deps(), {
      actor: team.owner,
      order: 'newest',
      beforeSeq: first.nextSeq ?? 0,
      limit: 10,
    });
    expect(rest.nextSeq).toBeNull();
    const system = rest.entries.find((entry) => entry.action === 'system.create');
    expect(system?.target).toMatchObject({ id: systemId, name: 'Building automation' });
    expect(rest.entries.find((entry) => entry.action === 'assessment.create')?.target.name).toBe('2026年度 定期評価');

    const byAssessor = await listOrganisationAudit(deps(), { actor: team.owner, user: team.assessor.userId });
    expect(byAssessor.entries.map((entry) => entry.action)).toEqual(['answer.update', 'finding.create']);

    expect(await listAuditFilters(deps(), { actor: team.owner })).toEqual({
      people: [
        { userId: team.assessor.userId, name: 'assessor' },
        { userId: team.owner.userId, name: 'owner' },
      ],
      actions: ['answer.update', 'assessment.create', 'finding.create', 'member.role_changed', 'system.create'],
    });
  });
});
