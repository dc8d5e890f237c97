/**
 * A vendor questionnaire as it is handed out (PDF, XLSX, web form): the shape every renderer
 * reads. Built by the questionnaire service from the catalog and the assessment; renderers only
 * lay it out, in `language`.
 */

/** What a provider may answer to one question, before any free text. */
export const QUESTIONNAIRE_ANSWERS = ['yes', 'partly', 'no', 'not_applicable', 'unknown'] as const;
export type QuestionnaireAnswer = (typeof QUESTIONNAIRE_ANSWERS)[number];

export interface QuestionnaireQuestion {
  /** Catalog item id, e.g. `jssec-v2:19`. */
  readonly itemId: string;
  /** The item's number as printed on the checksheet, e.g. `19`. */
  readonly number: string;
  /** The checksheet item's title (a requirement: faithful to the source). */
  readonly question: string;
  /** The item's check points, as the checksheet states them. */
  readonly checkPoints: readonly string[];
  /** Why it matters: our own explanation from the catalog. */
  readonly why: string;
}

export interface QuestionnaireDocument {
  readonly questionnaireId: string;
  readonly language: 'ja' | 'en';
  readonly title: string;
  readonly organisationName: string;
  readonly providerName: string;
  readonly systemName: string;
  readonly assessmentTitle: string;
  /** ISO date-time after which the web link no longer opens. */
  readonly expiresAt: string;
  /** Labels of QUESTIONNAIRE_ANSWERS in `language`, in that order. */
  readonly answerLabels: Readonly<Record<QuestionnaireAnswer, string>>;
  readonly questions: readonly QuestionnaireQuestion[];
}
