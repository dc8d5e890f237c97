import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { listQuestionnaireAnswers } from '../../db/questionnaires/questionnaire-answer.repository';
import { closeQuestionnaire } from '../../db/questionnaires/questionnaire.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { QuestionnaireDeps } from './questionnaire-deps';
import { toQuestionnaireView, type QuestionnaireView } from './questionnaire-view';
import { requireQuestionnaire } from './require-questionnaire';

/**
 * Revokes an open questionnaire: its link stops working at once (an expired one may be revoked
 * too). A submitted or already revoked one is a CONFLICT. Audited.
 */
export async function revokeQuestionnaire(
  deps: QuestionnaireDeps,
  input: { actor: Actor; questionnaireId: string; context?: RequestContext },
): Promise<QuestionnaireView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const record = await requireQuestionnaire(deps.database, organisationId, input.questionnaireId);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const closed = await closeQuestionnaire(transaction, organisationId, record.id, {
      status: 'revoked',
      at: now.toISOString(),
    });
    if (!closed) throw new DomainError('CONFLICT', `This questionnaire is already ${record.status}.`);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'questionnaire.revoke',
      targetType: 'questionnaire',
      targetId: record.id,
      before: { status: record.status },
      after: { status: 'revoked' },
    });
  });
  const answers = await listQuestionnaireAnswers(deps.database.db, organisationId, record.id);
  const answered = [...answers.values()].filter((answer) => answer.answer !== null).length;
  return toQuestionnaireView({ ...record, status: 'revoked', revokedAt: now.toISOString() }, now, answered);
}
