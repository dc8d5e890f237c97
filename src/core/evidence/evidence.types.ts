/** What a piece of evidence is: an uploaded file, a link to where it lives, a short text, or a provider's questionnaire answer. */
export const EVIDENCE_KINDS = ['file', 'link', 'text', 'questionnaire'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One answer an evidence supports: an item of one assessment. */
export interface EvidenceSupport {
  readonly assessmentId: string;
  readonly itemId: string;
}
