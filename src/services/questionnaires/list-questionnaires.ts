import type { Actor } from '../../core/auth/actor';
import { listQuestionnaireAnswers } from '../../db/questionnaires/questionnaire-answer.repository';
import { listQuestionnairesOfAssessment } from '../../db/questionnaires/questionnaire.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import type { QuestionnaireDeps } from './questionnaire-deps';
import { toQuestionnaireView, type QuestionnaireView } from './questionnaire-view';

/** The questionnaires of an assessment, newest first, each with its state now and how many questions are answered. */
export async function listQuestionnaires(
  deps: QuestionnaireDeps,
  input: { actor: Actor; assessmentId: string },
): Promise<QuestionnaireView[]> {
  const { organisationId } = requireOrganisation(input.actor);
  await requireAssessment(deps.database, organisationId, input.assessmentId, 'read');
  const records = await listQuestionnairesOfAssessment(deps.database.db, organisationId, input.assessmentId);
  const now = deps.clock();
  return Promise.all(
    records.map(async (record) => {
      const answers = await listQuestionnaireAnswers(deps.database.db, organisationId, record.id);
      const answered = [...answers.values()].filter((answer) => answer.answer !== null).length;
      return toQuestionnaireView(record, now, answered);
    }),
  );
}
