import type { Kysely } from 'kysely';
import { EMPTY_ANSWER } from '../../core/assessment/answer-rules';
import { isAnswerOverdue } from '../../core/assessment/overdue';
import { DomainError } from '../../core/domain-error';
import type { Answer } from '../../contracts/assessment.schema';
import { findAnswer, type StoredAnswer } from '../../db/answer.repository';
import { countEvidenceLinks, countOpenFindings } from '../../db/assessment-facts.repository';
import type { DatabaseSchema } from '../../db/database';

/** How many evidence records and open findings an item has. */
export interface AnswerFacts {
  readonly evidenceCount: number;
  readonly openFindings: number;
  /** YYYY-MM-DD (UTC) for the overdue flag. */
  readonly today: string;
}

/** An item's answer as the API shows it; an item never saved is unanswered with version 0. */
export function presentAnswer(itemId: string, stored: StoredAnswer | undefined, facts: AnswerFacts): Answer {
  const answer = stored ?? { ...EMPTY_ANSWER, itemId, version: 0, updatedAt: null, updatedBy: null };
  return {
    itemId,
    result: answer.result,
    justification: answer.justification,
    comment: answer.comment,
    checks: { ...answer.checks },
    assigneeUserId: answer.assigneeUserId,
    dueDate: answer.dueDate,
    reviewState: answer.reviewState,
    returnReason: answer.returnReason,
    version: answer.version,
    updatedAt: answer.updatedAt,
    updatedBy: answer.updatedBy,
    evidenceCount: facts.evidenceCount,
    openFindings: facts.openFindings,
    overdue: isAnswerOverdue(answer, facts.today),
  };
}

/** Reads one item's answer as it is stored now, with its evidence and finding counts. */
export async function loadAnswer(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  assessmentId: string,
  itemId: string,
  today: string,
): Promise<Answer> {
  const [stored, evidence, findings] = await Promise.all([
    findAnswer(db, organisationId, assessmentId, itemId),
    countEvidenceLinks(db, organisationId, assessmentId, itemId),
    countOpenFindings(db, organisationId, assessmentId, itemId),
  ]);
  return presentAnswer(itemId, stored, {
    evidenceCount: evidence.get(itemId) ?? 0,
    openFindings: findings.get(itemId) ?? 0,
    today,
  });
}

/**
 * A 409 that carries the answer as it is stored now (`current`), so the client can show
 * "yours or theirs" instead of losing either. Every conflict about an answer is built here.
 */
export async function answerConflict(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  assessmentId: string,
  itemId: string,
  today: string,
  message: string,
  details: DomainError['details'] = [],
): Promise<DomainError> {
  return new DomainError('CONFLICT', message, details, {
    current: await loadAnswer(db, organisationId, assessmentId, itemId, today),
  });
}
