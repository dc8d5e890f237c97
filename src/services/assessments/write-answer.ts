import { utcDay } from '../../core/assessment/overdue';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AnswerState } from '../../core/assessment/answer-rules';
import type { Actor } from '../../core/auth/actor';
import { insertAnswer, insertAnswerHistory, updateAnswer, type StoredAnswer } from '../../db/answer.repository';
import type { DatabaseSchema } from '../../db/database';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { answerConflict } from './present-answer';

/** One answer change to store: the answer before (none for a first save) and after. */
export interface AnswerWrite {
  readonly actor: Actor & { kind: 'user' };
  readonly context: RequestContext | undefined;
  readonly now: Date;
  readonly organisationId: string;
  readonly assessmentId: string;
  readonly itemId: string;
  readonly before: StoredAnswer | undefined;
  readonly after: AnswerState;
  /** The audit action: answer.update, answer.review, answer.apply or answer.copy. */
  readonly action: string;
}

/** The user id recorded as the author of a change; the CLI operator has none. */
export function authorOf(actor: Actor & { kind: 'user' }): string | null {
  return actor.userId === '' ? null : actor.userId;
}

const stateOf = (answer: AnswerState): AnswerState => ({
  result: answer.result,
  justification: answer.justification,
  comment: answer.comment,
  checks: answer.checks,
  assigneeUserId: answer.assigneeUserId,
  dueDate: answer.dueDate,
  reviewState: answer.reviewState,
  returnReason: answer.returnReason,
});

/**
 * Stores an answer change inside the caller's transaction: the row (version + 1, only if nobody
 * saved in between — otherwise CONFLICT with the current answer), a history entry with the whole
 * answer before and after, and the audit entry, all in the same commit.
 */
export async function writeAnswer(transaction: Transaction<DatabaseSchema>, write: AnswerWrite): Promise<StoredAnswer> {
  const { organisationId, assessmentId, itemId, before } = write;
  const version = (before?.version ?? 0) + 1;
  const author = authorOf(write.actor);
  const stored: StoredAnswer = {
    ...stateOf(write.after),
    itemId,
    version,
    updatedAt: write.now.toISOString(),
    updatedBy: author,
  };
  const written = before
    ? await updateAnswer(transaction, organisationId, assessmentId, stored, before.version)
    : await insertAnswer(transaction, organisationId, assessmentId, stored);
  if (!written)
    throw await answerConflict(
      transaction,
      organisationId,
      assessmentId,
      itemId,
      utcDay(write.now),
      'Someone else saved this answer first; here is what is stored now.',
    );
  const beforeState = before ? stateOf(before) : null;
  await insertAnswerHistory(transaction, organisationId, {
    id: randomUUID(),
    assessmentId,
    itemId,
    version,
    changedAt: stored.updatedAt,
    changedBy: author,
    before: beforeState,
    after: stateOf(stored),
  });
  await recordAudit(transaction, write.actor, write.context, write.now, {
    organisationId,
    action: write.action,
    targetType: 'answer',
    targetId: `${assessmentId}/${itemId}`,
    before: beforeState ?? undefined,
    after: { ...stateOf(stored), version },
  });
  return stored;
}
