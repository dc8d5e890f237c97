import type {
  AnswerResult,
  AssessmentStatus,
  Criticality,
  FindingStatus,
  Priority,
} from '../assessment/assessment.types';
import type { Change } from '../assessment/compare-results';
import type { GroupScore } from '../assessment/scoring';
import type { LocalizedText } from '../catalog/catalog.types';

/**
 * Everything the management report (経営層向け報告書) shows, gathered once from the assessment
 * and free of language: texts from the catalog stay LocalizedText, the layout picks one.
 */
export interface ManagementReport {
  /** ISO date-time the report was generated at. */
  readonly generatedAt: string;
  readonly organisationName: string;
  readonly system: {
    readonly name: string;
    readonly criticality: Criticality;
    readonly ownerName: string;
  };
  readonly assessment: {
    readonly id: string;
    readonly title: string;
    readonly status: AssessmentStatus;
    readonly periodStart: string | null;
    readonly periodEnd: string | null;
    readonly frameworkTitle: LocalizedText;
    readonly frameworkVersion: string;
  };
  readonly overall: GroupScore;
  /** The functions in sheet order (ID, PR, DE, RS, RC). */
  readonly functions: readonly ReportFunction[];
  /** The categories in sheet order. */
  readonly categories: readonly ReportCategory[];
  /** The system's assessment before this one, when there is one. */
  readonly previous: ReportPrevious | null;
  /** The highest-ranked gaps (rank-gaps order), at most a handful. */
  readonly topGaps: readonly ReportGap[];
  /** How many gaps there are in all. */
  readonly gapCount: number;
  readonly findings: {
    readonly open: number;
    readonly openHigh: number;
    readonly overdue: number;
  };
  /** Answers whose due date has passed (isAnswerOverdue). */
  readonly overdueItems: number;
  readonly evidence: ReportEvidenceCoverage;
  /** Every item of the checksheet in sheet order, with its answer. */
  readonly items: readonly ReportItem[];
}

export interface ReportFunction {
  readonly code: string;
  readonly title: LocalizedText;
  readonly score: GroupScore;
  /** The function's score in the previous assessment and how it moved (absent without one). */
  readonly previousScore?: number | null;
  readonly change?: Change;
}

export interface ReportCategory {
  readonly code: string;
  readonly functionCode: string;
  readonly title: LocalizedText;
  readonly score: GroupScore;
}

export interface ReportPrevious {
  readonly assessmentId: string;
  readonly title: string;
  readonly createdAt: string;
  readonly overallScore: number | null;
  readonly improvedItems: number;
  readonly worseItems: number;
}

export interface ReportFinding {
  readonly issue: string;
  readonly recommendation: string;
  readonly priority: Priority;
  readonly ownerName: string;
  readonly dueDate: string | null;
  readonly status: FindingStatus;
  readonly overdue: boolean;
}

export interface ReportGap {
  readonly itemId: string;
  readonly code: string;
  readonly title: LocalizedText;
  readonly result: AnswerResult;
  readonly rank: number;
  readonly overdue: boolean;
  readonly dueDate: string | null;
  readonly findings: readonly ReportFinding[];
}

/** How well the answers that claim something is in place are backed by evidence. */
export interface ReportEvidenceCoverage {
  /** Items answered implemented or partial: those evidence should support. */
  readonly itemsClaimed: number;
  /** Of those, the items with at least one piece of evidence. */
  readonly itemsWithEvidence: number;
  /** Evidence records linked to the assessment. */
  readonly records: number;
  /** Of those, the ones whose valid-until date has passed. */
  readonly expired: number;
}

export interface ReportEvidence {
  readonly title: string;
  readonly evidenceDate: string | null;
  readonly validUntil: string | null;
}

export interface ReportItem {
  readonly itemId: string;
  readonly code: string;
  readonly functionCode: string;
  readonly categoryCode: string;
  readonly title: LocalizedText;
  readonly result: AnswerResult;
  /** Tagged providerQuestion in the catalog: the answer depends on a vendor or provider. */
  readonly providerQuestion: boolean;
  readonly overdue: boolean;
  readonly dueDate: string | null;
  readonly openFindings: number;
  readonly comment: string;
  readonly justification: string;
  readonly checks: readonly { readonly title: LocalizedText; readonly done: boolean }[];
  readonly evidence: readonly ReportEvidence[];
}
