import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { questionnaireState } from '../../core/questionnaires/questionnaire-rules';
import type { QuestionnaireAnswerRecord } from '../../core/questionnaires/questionnaire.types';
import { checkResponseAnswers, type ResponseAnswerInput } from '../../core/questionnaires/response-rules';
import { replaceQuestionnaireAnswers } from '../../db/questionnaires/questionnaire-answer.repository';
import { closeQuestionnaire } from '../../db/questionnaires/questionnaire.repository';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { presentQuestionnaireForm } from './open-questionnaire-response';
import type { QuestionnaireDeps } from './questionnaire-deps';
import type { QuestionnaireForm } from './questionnaire-form';
import { recordAnswerEvidence } from './record-answer-evidence';
import { requireQuestionnaireByToken } from './require-questionnaire';

/**
 * The provider saves a draft (`submit: false`) or submits (`submit: true`) through their link.
 * Only an open, unexpired questionnaire takes answers (CONFLICT otherwise: it is read-only once
 * submitted). Submitting needs every question answered; each answer then becomes evidence on
 * the assessment's item, in the same transaction, audited. Item results are not changed.
 */
export async function saveQuestionnaireResponse(
  deps: QuestionnaireDeps,
  input: {
    actor: Actor;
    token: string;
    answers: readonly ResponseAnswerInput[];
    submit: boolean;
    context?: RequestContext;
  },
): Promise<QuestionnaireForm> {
  const { actor, organisationId, record } = await requireQuestionnaireByToken(deps.database, input.actor, input.token);
  const now = deps.clock();
  const state = questionnaireState(record, now);
  if (state !== 'open')
    throw new DomainError(
      'CONFLICT',
      state === 'expired'
        ? 'This questionnaire link has expired; ask the sender for a new one.'
        : `This questionnaire was ${state} and can no longer be changed.`,
    );
  const answers = checkResponseAnswers(record.itemIds, input.answers, input.submit);
  const stored: QuestionnaireAnswerRecord[] = answers
    .filter((answer) => answer.answer !== null || answer.freeText.trim() !== '')
    .map((answer) => ({
      questionnaireId: record.id,
      itemId: answer.itemId,
      answer: answer.answer,
      freeText: answer.freeText.trim(),
      answeredBy: actor.userId || null,
      answeredAt: now.toISOString(),
      source: 'web',
    }));
  if (input.submit)
    await requireAssessment(deps.database, organisationId, record.assessmentId, 'change-evidence-links');
  await deps.database.db.transaction().execute(async (transaction) => {
    await replaceQuestionnaireAnswers(transaction, organisationId, record.id, stored);
    if (!input.submit) {
      await recordAudit(transaction, actor, input.context, now, {
        organisationId,
        action: 'questionnaire.draft',
        targetType: 'questionnaire',
        targetId: record.id,
        after: { answered: stored.filter((answer) => answer.answer !== null).length },
      });
      return;
    }
    const closed = await closeQuestionnaire(transaction, organisationId, record.id, {
      status: 'submitted',
      submittedBy: actor.userId || null,
      at: now.toISOString(),
    });
    if (!closed)
      throw new DomainError('CONFLICT', 'This questionnaire was closed meanwhile and can no longer be changed.');
    const evidenceIds = await recordAnswerEvidence(transaction, {
      actor,
      context: input.context,
      now,
      catalog: deps.catalog,
      questionnaire: record,
      answers: stored,
      answeredBy: actor.email,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'questionnaire.submit',
      targetType: 'questionnaire',
      targetId: record.id,
      after: { source: 'web', answered: stored.length, evidenceIds },
    });
  });
  return presentQuestionnaireForm(deps, {
    ...record,
    ...(input.submit
      ? { status: 'submitted' as const, submittedBy: actor.userId, submittedAt: now.toISOString() }
      : {}),
  });
}
