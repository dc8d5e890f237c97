import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { QUESTIONNAIRE_ANSWER_LABELS } from '../../core/questionnaires/questionnaire-text';
import type { QuestionnaireAnswerRecord } from '../../core/questionnaires/questionnaire.types';
import { QUESTIONNAIRE_ANSWERS, type QuestionnaireAnswer } from '../../core/reports/questionnaire.types';
import { MAX_FREE_TEXT } from '../../core/questionnaires/questionnaire-rules';
import { replaceQuestionnaireAnswers } from '../../db/questionnaires/questionnaire-answer.repository';
import { closeQuestionnaire } from '../../db/questionnaires/questionnaire.repository';
import { ANSWER_COLUMN, FREE_TEXT_COLUMN } from '../../integrations/exports/questionnaire-workbook';
import { readQuestionnaireWorkbook } from '../../integrations/exports/questionnaire-workbook-reader';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { QuestionnaireDeps } from './questionnaire-deps';
import { recordAnswerEvidence } from './record-answer-evidence';
import { requireQuestionnaire } from './require-questionnaire';

/** A filled workbook as uploaded. */
export interface QuestionnaireWorkbookFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** What an import recorded. */
export interface QuestionnaireImportResult {
  readonly answered: number;
  readonly evidenceIds: readonly string[];
}

/** The largest workbook accepted: a questionnaire of 60 questions is some 20 KB. */
export const QUESTIONNAIRE_WORKBOOK_MAX_BYTES = 2 * 1024 * 1024;

// Labels in either language, and the codes themselves, name an answer (a provider may have
// switched the workbook's language or typed the code).
const ANSWER_BY_LABEL = new Map<string, QuestionnaireAnswer>(
  QUESTIONNAIRE_ANSWERS.flatMap((answer) => [
    [answer, answer],
    [QUESTIONNAIRE_ANSWER_LABELS.ja[answer], answer],
    [QUESTIONNAIRE_ANSWER_LABELS.en[answer].toLowerCase(), answer],
  ]),
);

/**
 * Records the answers of a filled questionnaire workbook (source `xlsx`), as the assessor received
 * it from the provider: each answered question becomes evidence on its item, like a web
 * submission, and the questionnaire is then submitted. The workbook must be this questionnaire's,
 * with its rows unchanged; an unknown answer label, free text without an answer or a workbook
 * without any answer is refused with every problem located (sheet, row, column), and nothing is
 * written. A revoked or already submitted questionnaire is a CONFLICT; an expired one may still
 * be imported (the answers came by other means).
 */
export async function importQuestionnaireWorkbook(
  deps: QuestionnaireDeps,
  input: { actor: Actor; questionnaireId: string; file: QuestionnaireWorkbookFile; context?: RequestContext },
): Promise<QuestionnaireImportResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const record = await requireQuestionnaire(deps.database, organisationId, input.questionnaireId);
  if (record.status !== 'open')
    throw new DomainError(
      'CONFLICT',
      `This questionnaire was ${record.status}; its answers can no longer be imported.`,
    );
  await requireAssessment(deps.database, organisationId, record.assessmentId, 'change-evidence-links');
  const { fileName, bytes } = input.file;
  if (bytes.length > QUESTIONNAIRE_WORKBOOK_MAX_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The workbook is larger than a questionnaire can be.', [
      { file: fileName, reason: `larger than ${QUESTIONNAIRE_WORKBOOK_MAX_BYTES} bytes`, code: 'file_too_large' },
    ]);
  const filled = await readQuestionnaireWorkbook(bytes, fileName);
  if (filled.questionnaireId !== record.id)
    throw new DomainError('VALIDATION_FAILED', 'This workbook belongs to another questionnaire.', [
      { file: fileName, path: 'iotcheck', row: 1, column: 2, reason: 'names another questionnaire' },
    ]);
  if (filled.rows.map((row) => row.itemId).join(' ') !== record.itemIds.join(' '))
    throw new DomainError(
      'VALIDATION_FAILED',
      'The questions of this workbook do not match the questionnaire (rows added, removed or moved).',
      [{ file: fileName, path: 'iotcheck', reason: 'the item list differs from the questionnaire' }],
    );
  const problems: ProblemDetail[] = [];
  const now = deps.clock();
  const answers: QuestionnaireAnswerRecord[] = [];
  for (const row of filled.rows) {
    const at = { file: fileName, path: filled.sheetName, row: row.row };
    if (row.answerText === '' && row.freeText === '') continue;
    const answer = ANSWER_BY_LABEL.get(row.answerText) ?? ANSWER_BY_LABEL.get(row.answerText.toLowerCase());
    if (row.answerText === '')
      problems.push({ ...at, column: ANSWER_COLUMN, reason: 'notes without an answer', code: 'missing' });
    else if (!answer)
      problems.push({
        ...at,
        column: ANSWER_COLUMN,
        value: row.answerText.slice(0, 80),
        reason: `not one of ${Object.values(QUESTIONNAIRE_ANSWER_LABELS[record.language]).join(', ')}`,
        code: 'not_allowed_value',
      });
    if (row.freeText.length > MAX_FREE_TEXT)
      problems.push({
        ...at,
        column: FREE_TEXT_COLUMN,
        reason: `longer than ${MAX_FREE_TEXT} characters`,
        code: 'max_length',
      });
    if (answer)
      answers.push({
        questionnaireId: record.id,
        itemId: row.itemId,
        answer,
        freeText: row.freeText,
        answeredBy: actor.userId || null,
        answeredAt: now.toISOString(),
        source: 'xlsx',
      });
  }
  if (problems.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The workbook has ${problems.length} problem(s); nothing was imported.`,
      problems,
    );
  if (answers.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'The workbook has no answers.', [
      { file: fileName, path: filled.sheetName, column: ANSWER_COLUMN, reason: 'no answer chosen', code: 'missing' },
    ]);
  const evidenceIds = await deps.database.db.transaction().execute(async (transaction) => {
    await replaceQuestionnaireAnswers(transaction, organisationId, record.id, answers);
    const closed = await closeQuestionnaire(transaction, organisationId, record.id, {
      status: 'submitted',
      submittedBy: actor.userId || null,
      at: now.toISOString(),
    });
    if (!closed) throw new DomainError('CONFLICT', 'This questionnaire was closed meanwhile; nothing was imported.');
    const ids = await recordAnswerEvidence(transaction, {
      actor,
      context: input.context,
      now,
      catalog: deps.catalog,
      questionnaire: record,
      answers,
      answeredBy: actor.email,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'questionnaire.import',
      targetType: 'questionnaire',
      targetId: record.id,
      after: { source: 'xlsx', fileName, answered: answers.length, evidenceIds: ids },
    });
    return ids;
  });
  return { answered: answers.length, evidenceIds };
}
