import { expect, it } from 'vitest';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { changeAssessmentStatus } from './change-assessment-status';
import { listAnswerHistory } from './list-answer-history';
import { listSnapshots } from './list-snapshots';
import { saveAnswer } from './save-answer';
import { saveAnswersBulk } from './save-answers-bulk';

describeEachDialect('saving answers', (database) => {
  const clock = createTestClock();
  const deps = () => createTestAssessmentDeps(database(), clock);
  const count = async (table: 'answer' | 'answer_history' | 'audit_event', assessmentId?: string) => {
    const row = await database()
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .$if(assessmentId !== undefined && table !== 'audit_event', (query) =>
        query.where('assessment_id' as never, '=', assessmentId as never),
      )
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };

  it('saves a first answer at version 0, with history and an audit entry, and refuses a stale version with the current answer', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const audits = await count('audit_event');

    const saved = await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: 'jssec-v2:25',
      update: {
        version: 0,
        result: 'partial',
        comment: '初期パスワードは変更済み',
        checks: { '25.1': { done: true, note: '' } },
      },
    });
    expect(saved).toMatchObject({
      itemId: 'jssec-v2:25',
      result: 'partial',
      version: 1,
      updatedBy: team.assessor.userId,
      checks: { 'jssec-v2:25.1': { done: true, note: '' } },
      evidenceCount: 0,
      openFindings: 0,
    });
    expect(await count('audit_event')).toBe(audits + 1);
    const history = await listAnswerHistory(deps(), { actor: team.viewer, assessmentId, itemId: '25' });
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ version: 1, before: null, after: { result: 'partial' } });

    const stale = await domainErrorOf(
      saveAnswer(deps(), {
        actor: team.owner,
        assessmentId,
        itemId: 'jssec-v2:25',
        update: { version: 0, result: 'implemented' },
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.extensions['current']).toMatchObject({
      itemId: 'jssec-v2:25',
      result: 'partial',
      version: 1,
      comment: '初期パスワードは変更済み',
    });

    const second = await saveAnswer(deps(), {
      actor: team.owner,
      assessmentId,
      itemId: '25',
      update: { version: 1, result: 'implemented' },
    });
    expect(second).toMatchObject({ result: 'implemented', version: 2, comment: '初期パスワードは変更済み' });
    expect(
      (await listAnswerHistory(deps(), { actor: team.viewer, assessmentId, itemId: '25' })).entries.map(
        (entry) => entry.version,
      ),
    ).toEqual([2, 1]);
  });

  it('writes nothing for an update that changes nothing', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '1',
      update: { version: 0, result: 'implemented' },
    });
    const again = await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '1',
      update: { version: 1, result: 'implemented', checks: { 'jssec-v2:1.1': { done: false, note: '' } } },
    });
    expect(again.version).toBe(1);
    expect(await count('answer_history', assessmentId)).toBe(1);
  });

  it('refuses not_applicable without a justification, checks of other items, unknown items, and edits of a done assessment', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);

    const noReason = await domainErrorOf(
      saveAnswer(deps(), {
        actor: team.assessor,
        assessmentId,
        itemId: '30',
        update: { version: 0, result: 'not_applicable', justification: '  ' },
      }),
    );
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'justification' }] });
    const foreignCheck = await domainErrorOf(
      saveAnswer(deps(), {
        actor: team.assessor,
        assessmentId,
        itemId: '30',
        update: { version: 0, result: 'partial', checks: { 'jssec-v2:25.1': { done: true, note: '' } } },
      }),
    );
    expect(foreignCheck).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'checks.jssec-v2:25.1' }] });
    expect(
      (
        await domainErrorOf(
          saveAnswer(deps(), {
            actor: team.assessor,
            assessmentId,
            itemId: 'jssec-v2:99',
            update: { version: 0, result: 'partial' },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await count('answer', assessmentId)).toBe(0);

    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '30',
      update: { version: 0, result: 'not_applicable', justification: '無線を使わない' },
    });
    for (const status of ['in_progress', 'in_review', 'done'] as const) {
      const current = await changeAssessmentStatus(deps(), {
        actor: team.owner,
        assessmentId,
        status,
        version: status === 'in_progress' ? 1 : status === 'in_review' ? 2 : 3,
      });
      expect(current.status).toBe(status);
    }
    const closed = await domainErrorOf(
      saveAnswer(deps(), {
        actor: team.owner,
        assessmentId,
        itemId: '30',
        update: { version: 1, result: 'implemented' },
      }),
    );
    expect(closed.code).toBe('ASSESSMENT_CLOSED');
    expect(closed.details).toEqual([expect.objectContaining({ field: 'status', code: 'assessment_closed' })]);
  });

  it('saves many answers all or nothing, locating every problem', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const bad = await domainErrorOf(
      saveAnswersBulk(deps(), {
        actor: team.assessor,
        assessmentId,
        answers: [
          { itemId: '1', version: 0, result: 'implemented' },
          { itemId: '2', version: 0, result: 'not_applicable' },
          { itemId: '3', version: 0, result: 'partial', checks: { '25.1': { done: true, note: '' } } },
        ],
      }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.details.map((detail) => detail.path)).toEqual(['answers[1].justification', 'answers[2].checks.25.1']);
    expect(await count('answer', assessmentId)).toBe(0);

    const stale = await domainErrorOf(
      saveAnswersBulk(deps(), {
        actor: team.assessor,
        assessmentId,
        answers: [
          { itemId: '1', version: 0, result: 'implemented' },
          { itemId: '2', version: 3, result: 'partial' },
        ],
      }),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', details: [{ path: 'answers[1].version' }] });
    expect(await count('answer', assessmentId)).toBe(0);

    const saved = await saveAnswersBulk(deps(), {
      actor: team.assessor,
      assessmentId,
      answers: [
        { itemId: '2', version: 0, result: 'partial' },
        { itemId: 'jssec-v2:1', version: 0, result: 'implemented' },
      ],
    });
    expect(saved.map((answer) => [answer.itemId, answer.result, answer.version])).toEqual([
      ['jssec-v2:2', 'partial', 1],
      ['jssec-v2:1', 'implemented', 1],
    ]);
  });

  it('takes a daily snapshot lazily while the assessment is in progress', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '1',
      update: { version: 0, result: 'implemented' },
    });
    expect((await listSnapshots(deps(), { actor: team.viewer, assessmentId })).snapshots).toEqual([]);

    await changeAssessmentStatus(deps(), { actor: team.owner, assessmentId, status: 'in_progress', version: 1 });
    clock.advance(60 * 60 * 1000);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '2',
      update: { version: 0, result: 'implemented' },
    });
    expect(
      (await listSnapshots(deps(), { actor: team.viewer, assessmentId })).snapshots.map((snapshot) => snapshot.reason),
    ).toEqual(['status_change']);

    clock.advance(25 * 60 * 60 * 1000);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '3',
      update: { version: 0, result: 'implemented' },
    });
    const snapshots = (await listSnapshots(deps(), { actor: team.viewer, assessmentId })).snapshots;
    expect(snapshots.map((snapshot) => snapshot.reason)).toEqual(['status_change', 'daily']);
    expect(snapshots[0]?.scores.overall.implemented).toBe(1);
    expect(snapshots[1]?.scores.overall.implemented).toBe(3);
    expect(snapshots[1]?.status).toBe('in_progress');
  });
});
