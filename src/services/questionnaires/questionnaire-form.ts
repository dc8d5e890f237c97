import type { QuestionnaireState } from '../../core/questionnaires/questionnaire.types';
import type { QuestionnaireAnswer, QuestionnaireDocument } from '../../core/reports/questionnaire.types';

/**
 * What the provider's form shows: the document (no questions unless it is open or submitted),
 * who asks, and the answers saved so far. Never the token, never anything else of the organisation.
 */
export interface QuestionnaireForm {
  readonly state: QuestionnaireState;
  readonly document: QuestionnaireDocument;
  readonly requestedBy: string;
  readonly submittedAt: string | null;
  readonly answers: readonly { itemId: string; answer: QuestionnaireAnswer | null; freeText: string }[];
}
