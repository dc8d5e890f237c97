import type { Actor } from '../../core/auth/actor';
import { questionnaireState } from '../../core/questionnaires/questionnaire-rules';
import type { QuestionnaireRecord } from '../../core/questionnaires/questionnaire.types';
import type { Database } from '../../db/database';
import { listQuestionnaireAnswers } from '../../db/questionnaires/questionnaire-answer.repository';
import { findUserById } from '../../db/user.repository';
import { composeQuestionnaireDocument } from './compose-questionnaire-document';
import type { QuestionnaireDeps } from './questionnaire-deps';
import type { QuestionnaireForm } from './questionnaire-form';
import { requireQuestionnaireByToken } from './require-questionnaire';

/**
 * The questionnaire a provider's link opens, as the form shows it. Only a provider-role member of
 * its organisation with the right token gets it; an expired or revoked link answers with that
 * state and no questions, a submitted one read-only with its answers.
 */
export async function openQuestionnaireResponse(
  deps: QuestionnaireDeps,
  input: { actor: Actor; token: string },
): Promise<QuestionnaireForm> {
  const { record } = await requireQuestionnaireByToken(deps.database, input.actor, input.token);
  return presentQuestionnaireForm(deps, record);
}

/** The form of a questionnaire at the deps' clock (shared with saving). */
export async function presentQuestionnaireForm(
  deps: QuestionnaireDeps,
  record: QuestionnaireRecord,
): Promise<QuestionnaireForm> {
  const state = questionnaireState(record, deps.clock());
  const visible = state === 'open' || state === 'submitted';
  const document = await composeQuestionnaireDocument(
    deps.database,
    deps.catalog,
    visible ? record : { ...record, itemIds: [] },
  );
  const answers = visible
    ? await listQuestionnaireAnswers(deps.database.db, record.organisationId, record.id)
    : new Map();
  return {
    state,
    document,
    requestedBy: await requesterName(deps.database, record.createdBy),
    submittedAt: record.submittedAt,
    answers: [...answers.values()].map((answer) => ({
      itemId: answer.itemId,
      answer: answer.answer,
      freeText: answer.freeText,
    })),
  };
}

async function requesterName(database: Pick<Database, 'db'>, userId: string | null): Promise<string> {
  if (!userId) return '';
  const user = await findUserById(database.db, userId);
  return user ? user.displayName || user.email : '';
}
