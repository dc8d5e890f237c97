import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { UserActor } from '../../core/auth/actor';
import type { Catalog } from '../../core/catalog/catalog.types';
import { answerEvidenceText } from '../../core/questionnaires/questionnaire-text';
import type { QuestionnaireAnswerRecord, QuestionnaireRecord } from '../../core/questionnaires/questionnaire.types';
import type { DatabaseSchema } from '../../db/database';
import { insertEvidence, insertEvidenceLink } from '../../db/evidence.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { questionOf } from './compose-questionnaire-document';

/**
 * Inside the caller's transaction: each answered question becomes evidence of kind
 * `questionnaire` (question, answer label, free text, who and how), linked to the assessment's
 * answer for that item and audited. The item's result is left alone: the assessor decides it.
 * Returns the new evidence ids.
 */
export async function recordAnswerEvidence(
  transaction: Transaction<DatabaseSchema>,
  input: {
    actor: UserActor;
    context: RequestContext | undefined;
    now: Date;
    catalog: Catalog;
    questionnaire: QuestionnaireRecord;
    answers: readonly QuestionnaireAnswerRecord[];
    /** Who answered, as the evidence names them (the provider's or the importing assessor's e-mail). */
    answeredBy: string;
  },
): Promise<string[]> {
  const { questionnaire, actor, now } = input;
  const ids: string[] = [];
  for (const answer of input.answers) {
    if (answer.answer === null) continue;
    const question = questionOf(input.catalog, answer.itemId, questionnaire.language);
    const text = answerEvidenceText({
      language: questionnaire.language,
      providerName: questionnaire.providerName,
      itemNumber: question.number,
      question: question.question,
      answer: answer.answer,
      freeText: answer.freeText,
      answeredBy: input.answeredBy,
      answeredAt: answer.answeredAt,
      source: answer.source,
    });
    const id = randomUUID();
    await insertEvidence(transaction, {
      id,
      organisationId: questionnaire.organisationId,
      kind: 'questionnaire',
      title: text.title,
      evidenceDate: now.toISOString().slice(0, 10),
      validUntil: null,
      sha256: null,
      mediaType: null,
      sizeBytes: null,
      originalName: null,
      url: null,
      body: text.body,
      createdAt: now.toISOString(),
      createdBy: actor.userId || null,
    });
    const support = { assessmentId: questionnaire.assessmentId, itemId: answer.itemId };
    await insertEvidenceLink(transaction, {
      ...support,
      organisationId: questionnaire.organisationId,
      evidenceId: id,
      linkedAt: now.toISOString(),
      linkedBy: actor.userId || null,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: questionnaire.organisationId,
      action: 'evidence.create',
      targetType: 'evidence',
      targetId: id,
      after: { kind: 'questionnaire', title: text.title, questionnaireId: questionnaire.id, supports: [support] },
    });
    ids.push(id);
  }
  return ids;
}
