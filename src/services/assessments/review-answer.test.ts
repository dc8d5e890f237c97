import { expect, it } from 'vitest';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
  seedMemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { setReviewPolicy } from '../organisations/set-review-policy';
import { reviewAnswer } from './review-answer';
import { saveAnswer } from './save-answer';

describeEachDialect('reviewing answers', (database) => {
  const deps = () => createTestAssessmentDeps(database());

  it('goes ready → accepted, and an edit after acceptance reopens the answer', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      update: { version: 0, result: 'implemented' },
    });

    const ready = await reviewAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      action: 'ready',
      version: 1,
    });
    expect(ready).toMatchObject({ reviewState: 'ready_for_review', version: 2 });
    const refused = await domainErrorOf(
      reviewAnswer(deps(), { actor: team.assessor, assessmentId, itemId: '25', action: 'accept', version: 2 }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    const accepted = await reviewAnswer(deps(), {
      actor: team.owner,
      assessmentId,
      itemId: '25',
      action: 'accept',
      version: 2,
    });
    expect(accepted).toMatchObject({ reviewState: 'accepted', version: 3 });

    const edited = await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      update: { version: 3, result: 'partial' },
    });
    expect(edited).toMatchObject({ result: 'partial', reviewState: 'open', version: 4 });
    const unchanged = await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '25',
      update: { version: 4, comment: '' },
    });
    expect(unchanged.version).toBe(4);
  });

  it('needs a reason to return, keeps it until the answer is ready again, and refuses moves the rules do not allow', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const notYet = await domainErrorOf(
      reviewAnswer(deps(), { actor: team.assessor, assessmentId, itemId: '26', action: 'ready', version: 0 }),
    );
    expect(notYet).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'result' }] });
    await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '26',
      update: { version: 0, result: 'partial' },
    });
    const early = await domainErrorOf(
      reviewAnswer(deps(), { actor: team.owner, assessmentId, itemId: '26', action: 'accept', version: 1 }),
    );
    expect(early.code).toBe('CONFLICT');
    expect(early.extensions['current']).toMatchObject({ reviewState: 'open', version: 1 });

    await reviewAnswer(deps(), { actor: team.assessor, assessmentId, itemId: '26', action: 'ready', version: 1 });
    const noReason = await domainErrorOf(
      reviewAnswer(deps(), {
        actor: team.owner,
        assessmentId,
        itemId: '26',
        action: 'return',
        reason: ' ',
        version: 2,
      }),
    );
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'reason' }] });
    const returned = await reviewAnswer(deps(), {
      actor: team.owner,
      assessmentId,
      itemId: '26',
      action: 'return',
      reason: '証跡が古い',
      version: 2,
    });
    expect(returned).toMatchObject({ reviewState: 'returned', returnReason: '証跡が古い', version: 3 });

    const edited = await saveAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '26',
      update: { version: 3, comment: '2026 年の設定画面を添付' },
    });
    expect(edited).toMatchObject({ reviewState: 'returned', returnReason: '証跡が古い' });
    const again = await reviewAnswer(deps(), {
      actor: team.assessor,
      assessmentId,
      itemId: '26',
      action: 'ready',
      version: 4,
    });
    expect(again).toMatchObject({ reviewState: 'ready_for_review', returnReason: null });
    const stale = await domainErrorOf(
      reviewAnswer(deps(), { actor: team.owner, assessmentId, itemId: '26', action: 'accept', version: 4 }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses self-approval once the organisation requires a separate reviewer, and only then', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedAssessment(deps(), team.owner);
    const admin = await seedMemberActor(database(), team.organisationId, 'admin');
    const write = (itemId: string) =>
      saveAnswer(deps(), { actor: team.owner, assessmentId, itemId, update: { version: 0, result: 'implemented' } });
    const ready = (itemId: string) =>
      reviewAnswer(deps(), { actor: team.assessor, assessmentId, itemId, action: 'ready', version: 1 });
    await write('25');
    await ready('25');
    // Off by default: the owner may accept what the owner wrote.
    await expect(
      reviewAnswer(deps(), { actor: team.owner, assessmentId, itemId: '25', action: 'accept', version: 2 }),
    ).resolves.toMatchObject({ reviewState: 'accepted' });

    const policy = await setReviewPolicy(deps(), { actor: admin, requireSeparateReviewer: true });
    expect(policy.requireSeparateReviewer).toBe(true);
    await write('26');
    await ready('26');
    // The assessor only marked it ready; the owner wrote it.
    const own = await domainErrorOf(
      reviewAnswer(deps(), { actor: team.owner, assessmentId, itemId: '26', action: 'accept', version: 2 }),
    );
    expect(own).toMatchObject({ code: 'SELF_APPROVAL', details: [{ code: 'self_approval' }] });
    // Returning one's own answer stays possible; accepting it by another reviewer works.
    await expect(
      reviewAnswer(deps(), { actor: admin, assessmentId, itemId: '26', action: 'accept', version: 2 }),
    ).resolves.toMatchObject({ reviewState: 'accepted', version: 3 });

    const assessorTurn = await domainErrorOf(
      setReviewPolicy(deps(), { actor: team.assessor, requireSeparateReviewer: false }),
    );
    expect(assessorTurn.code).toBe('FORBIDDEN');
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('organisation_id', '=', team.organisationId)
      .where('action', '=', 'organisation.review_policy')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
