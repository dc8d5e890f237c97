import type {
  AnswerResult,
  AssessmentStatus,
  FindingStatus,
  Priority,
  ReviewState,
} from '../assessment/assessment.types';
import type { EvidenceKind } from '../evidence/evidence.types';

/**
 * One assessment with everything the exchange files (CSV, OSCAL) show: read by the report
 * services from the database, laid out by pure builders. Ids of items are catalog ids
 * (`jssec-v2:25`); times are ISO 8601, dates YYYY-MM-DD.
 */
export interface AssessmentExchangeData {
  readonly organisation: { readonly id: string; readonly name: string };
  readonly system: { readonly id: string; readonly name: string };
  readonly assessment: {
    readonly id: string;
    readonly title: string;
    readonly frameworkId: string;
    readonly frameworkVersion: string;
    readonly catalogHash: string;
    readonly periodStart: string | null;
    readonly periodEnd: string | null;
    readonly status: AssessmentStatus;
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly closedAt: string | null;
  };
  /** Saved answers by item id; an item without one is unanswered. */
  readonly answers: ReadonlyMap<string, ExchangeAnswer>;
  /** Every finding of the assessment, oldest first. */
  readonly findings: readonly ExchangeFinding[];
  /** Evidence linked to answers of this assessment, with the items it supports here. */
  readonly evidence: readonly ExchangeEvidence[];
  /** Display names of the organisation's members by user id (assignees). */
  readonly memberNames: ReadonlyMap<string, string>;
}

export interface ExchangeAnswer {
  readonly itemId: string;
  readonly result: AnswerResult;
  readonly justification: string;
  readonly comment: string;
  readonly checks: Readonly<Record<string, { readonly done: boolean }>>;
  readonly assigneeUserId: string | null;
  readonly dueDate: string | null;
  readonly reviewState: ReviewState;
  readonly version: number;
  readonly updatedAt: string;
}

export interface ExchangeFinding {
  readonly id: string;
  readonly itemId: string;
  readonly issue: string;
  readonly impact: string;
  readonly recommendation: string;
  readonly priority: Priority;
  readonly ownerName: string;
  readonly dueDate: string | null;
  readonly status: FindingStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ExchangeEvidence {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly evidenceDate: string | null;
  readonly validUntil: string | null;
  readonly sha256: string | null;
  readonly mediaType: string | null;
  readonly originalName: string | null;
  readonly url: string | null;
  readonly body: string | null;
  readonly createdAt: string;
  /** Items of this assessment whose answers it supports. */
  readonly itemIds: readonly string[];
}

/** Findings still to be worked on (what a POA&M lists). */
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = ['open', 'in_progress'];
