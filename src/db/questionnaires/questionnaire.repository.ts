import type { Kysely, Selectable } from 'kysely';
import type { QuestionnaireRecord, QuestionnaireStatus } from '../../core/questionnaires/questionnaire.types';
import type { DatabaseSchema } from '../database';
import type { QuestionnaireTable } from './questionnaire.table';

type Db = Kysely<DatabaseSchema>;

const toQuestionnaire = (row: Selectable<QuestionnaireTable>): QuestionnaireRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  assessmentId: row.assessment_id,
  providerId: row.provider_id,
  providerName: row.provider_name,
  language: row.language === 'en' ? 'en' : 'ja',
  itemIds: JSON.parse(row.item_ids) as string[],
  expiresAt: row.expires_at,
  status: row.status as QuestionnaireStatus,
  createdBy: row.created_by,
  createdAt: row.created_at,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  revokedAt: row.revoked_at,
});

/** Stores a new questionnaire with the sha256 of its link's token (the token itself is never stored). */
export async function insertQuestionnaire(db: Db, record: QuestionnaireRecord, tokenHash: string): Promise<void> {
  await db
    .insertInto('questionnaire')
    .values({
      id: record.id,
      organisation_id: record.organisationId,
      assessment_id: record.assessmentId,
      provider_id: record.providerId,
      provider_name: record.providerName,
      language: record.language,
      item_ids: JSON.stringify(record.itemIds),
      token_hash: tokenHash,
      expires_at: record.expiresAt,
      status: record.status,
      created_by: record.createdBy,
      created_at: record.createdAt,
      submitted_by: record.submittedBy,
      submitted_at: record.submittedAt,
      revoked_at: record.revokedAt,
    })
    .execute();
}

/** One questionnaire of the organisation; another organisation's id is not found. */
export async function findQuestionnaire(
  db: Db,
  organisationId: string,
  questionnaireId: string,
): Promise<QuestionnaireRecord | undefined> {
  const row = await db
    .selectFrom('questionnaire')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', questionnaireId)
    .executeTakeFirst();
  return row ? toQuestionnaire(row) : undefined;
}

/** The questionnaire of the organisation whose link token hashes to `tokenHash`, if any. */
export async function findQuestionnaireByTokenHash(
  db: Db,
  organisationId: string,
  tokenHash: string,
): Promise<QuestionnaireRecord | undefined> {
  const row = await db
    .selectFrom('questionnaire')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toQuestionnaire(row) : undefined;
}

/** The questionnaires of one assessment, newest first. */
export async function listQuestionnairesOfAssessment(
  db: Db,
  organisationId: string,
  assessmentId: string,
): Promise<QuestionnaireRecord[]> {
  const rows = await db
    .selectFrom('questionnaire')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toQuestionnaire);
}

/**
 * Moves a questionnaire from `open` to `submitted` or `revoked`. False when it was no longer open
 * (someone else submitted or revoked it first), so the caller can refuse without a partial write.
 */
export async function closeQuestionnaire(
  db: Db,
  organisationId: string,
  questionnaireId: string,
  change: { status: 'submitted'; submittedBy: string | null; at: string } | { status: 'revoked'; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('questionnaire')
    .set(
      change.status === 'submitted'
        ? { status: 'submitted', submitted_by: change.submittedBy, submitted_at: change.at }
        : { status: 'revoked', revoked_at: change.at },
    )
    .where('organisation_id', '=', organisationId)
    .where('id', '=', questionnaireId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
