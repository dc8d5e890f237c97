import type { Kysely } from 'kysely';
import type { QuestionnaireAnswerRecord, QuestionnaireSource } from '../../core/questionnaires/questionnaire.types';
import type { QuestionnaireAnswer } from '../../core/reports/questionnaire.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

/** The answers of one questionnaire of the organisation, by item id. */
export async function listQuestionnaireAnswers(
  db: Db,
  organisationId: string,
  questionnaireId: string,
): Promise<Map<string, QuestionnaireAnswerRecord>> {
  const rows = await db
    .selectFrom('questionnaire_answer')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('questionnaire_id', '=', questionnaireId)
    .execute();
  return new Map(
    rows.map((row) => [
      row.item_id,
      {
        questionnaireId: row.questionnaire_id,
        itemId: row.item_id,
        answer: row.answer as QuestionnaireAnswer | null,
        freeText: row.free_text,
        answeredBy: row.answered_by,
        answeredAt: row.answered_at,
        source: row.source as QuestionnaireSource,
      },
    ]),
  );
}

/** Replaces the stored answers of a questionnaire with `answers` (a draft saved again, or the final set). */
export async function replaceQuestionnaireAnswers(
  db: Db,
  organisationId: string,
  questionnaireId: string,
  answers: readonly QuestionnaireAnswerRecord[],
): Promise<void> {
  await db
    .deleteFrom('questionnaire_answer')
    .where('organisation_id', '=', organisationId)
    .where('questionnaire_id', '=', questionnaireId)
    .execute();
  if (answers.length === 0) return;
  await db
    .insertInto('questionnaire_answer')
    .values(
      answers.map((answer) => ({
        questionnaire_id: questionnaireId,
        item_id: answer.itemId,
        organisation_id: organisationId,
        answer: answer.answer,
        free_text: answer.freeText,
        answered_by: answer.answeredBy,
        answered_at: answer.answeredAt,
        source: answer.source,
      })),
    )
    .execute();
}
