import type { QuestionnaireAnswer } from '../reports/questionnaire.types';

/** Where a questionnaire stands as stored; `expired` is not stored but derived from the time. */
export const QUESTIONNAIRE_STATUSES = ['open', 'submitted', 'revoked'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

/** What a reader of a questionnaire sees now: its stored status, or `expired` when an open one ran out. */
export type QuestionnaireState = QuestionnaireStatus | 'expired';

/** How an answer reached us: the provider's web form, or a workbook the assessor imported. */
export const QUESTIONNAIRE_SOURCES = ['web', 'xlsx'] as const;
export type QuestionnaireSource = (typeof QUESTIONNAIRE_SOURCES)[number];

/** A questionnaire as stored (without its token hash). */
export interface QuestionnaireRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly assessmentId: string;
  readonly providerId: string | null;
  readonly providerName: string;
  readonly language: 'ja' | 'en';
  /** Catalog item ids in sheet order. */
  readonly itemIds: readonly string[];
  readonly expiresAt: string;
  readonly status: QuestionnaireStatus;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly revokedAt: string | null;
}

/** One answer of a questionnaire; `answer` is null in a draft where only the free text was written. */
export interface QuestionnaireAnswerRecord {
  readonly questionnaireId: string;
  readonly itemId: string;
  readonly answer: QuestionnaireAnswer | null;
  readonly freeText: string;
  readonly answeredBy: string | null;
  readonly answeredAt: string;
  readonly source: QuestionnaireSource;
}
