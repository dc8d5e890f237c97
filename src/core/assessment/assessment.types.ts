/** What an item's answer says. `not_applicable` needs a justification; `unanswered` scores 0. */
export const RESULTS = ['implemented', 'partial', 'not_implemented', 'not_applicable', 'unanswered'] as const;
export type AnswerResult = (typeof RESULTS)[number];

export const REVIEW_STATES = ['open', 'ready_for_review', 'accepted', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ASSESSMENT_STATUSES = ['planned', 'in_progress', 'in_review', 'done', 'archived'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Item 04's business criticality of the system being assessed. */
export const CRITICALITIES = ['critical', 'important', 'supporting'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted_risk'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** The status changes an assessment may make; anything else is refused. */
const TRANSITIONS: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  planned: ['in_progress', 'archived'],
  in_progress: ['in_review', 'planned', 'archived'],
  in_review: ['done', 'in_progress', 'archived'],
  done: ['in_progress', 'archived'],
  archived: [],
};

export function canChangeStatus(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Review moves: an assessor marks ready, a reviewer accepts or returns (with a reason); edits reopen. */
const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewState[]>> = {
  open: ['ready_for_review'],
  ready_for_review: ['accepted', 'returned', 'open'],
  accepted: ['open'],
  returned: ['ready_for_review', 'open'],
};

export function canChangeReview(from: ReviewState, to: ReviewState): boolean {
  return REVIEW_TRANSITIONS[from].includes(to);
}
