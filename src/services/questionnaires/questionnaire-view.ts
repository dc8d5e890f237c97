import { questionnaireState } from '../../core/questionnaires/questionnaire-rules';
import type { QuestionnaireRecord, QuestionnaireState } from '../../core/questionnaires/questionnaire.types';

/** A questionnaire as the assessor's list shows it: never the token, its state at the time of reading. */
export interface QuestionnaireView {
  readonly id: string;
  readonly assessmentId: string;
  readonly providerId: string | null;
  readonly providerName: string;
  readonly language: 'ja' | 'en';
  readonly itemIds: readonly string[];
  readonly expiresAt: string;
  readonly state: QuestionnaireState;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly revokedAt: string | null;
  /** Questions with a chosen answer (a draft counts too). */
  readonly answeredCount: number;
}

/** The view of a record at `now`. */
export function toQuestionnaireView(record: QuestionnaireRecord, now: Date, answeredCount: number): QuestionnaireView {
  return {
    id: record.id,
    assessmentId: record.assessmentId,
    providerId: record.providerId,
    providerName: record.providerName,
    language: record.language,
    itemIds: record.itemIds,
    expiresAt: record.expiresAt,
    state: questionnaireState(record, now),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    submittedAt: record.submittedAt,
    submittedBy: record.submittedBy,
    revokedAt: record.revokedAt,
    answeredCount,
  };
}
