import type { Answer, AnswerUpdate, AssessmentSummary } from '../../../contracts/assessment.schema';

// UI-side facts about answers and assessments (labels live in i18n; the server decides what is allowed).

export type Result = Answer['result'];
export type ReviewState = Answer['reviewState'];
export type AssessmentStatus = AssessmentSummary['status'];
export type AnswerPatch = Omit<AnswerUpdate, 'version'>;

/** Results in the order of the segmented control and of the keys 1–3 (N = not applicable, 4 = clear). */
export const RESULT_OPTIONS: readonly Result[] = [
  'implemented',
  'partial',
  'not_implemented',
  'not_applicable',
  'unanswered',
];

export const RESULT_KEYS: Readonly<Record<string, Result>> = {
  '1': 'implemented',
  '2': 'partial',
  '3': 'not_implemented',
  '4': 'unanswered',
};

/** The main path of an assessment, shown as steps. */
export const STATUS_FLOW: readonly AssessmentStatus[] = ['planned', 'in_progress', 'in_review', 'done'];

/** Status changes offered as buttons; mirrors core's transition table (the server enforces it). */
export const STATUS_ACTIONS: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  planned: ['in_progress', 'archived'],
  in_progress: ['in_review', 'planned', 'archived'],
  in_review: ['done', 'in_progress', 'archived'],
  done: ['in_progress', 'archived'],
  archived: [],
};

export const CRITICALITIES = ['critical', 'important', 'supporting'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted_risk'] as const;

export const FILTERS = ['all', 'unanswered', 'not_implemented', 'mine', 'overdue', 'returned'] as const;
export type Filter = (typeof FILTERS)[number];

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Overdue as the server decided it (core's isAnswerOverdue), so every count on every page agrees. */
export function isOverdue(answer: Pick<Answer, 'overdue'>): boolean {
  return answer.overdue;
}

export function matchesFilter(answer: Answer, filter: Filter, userId: string | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return answer.result === 'unanswered';
    case 'not_implemented':
      return answer.result === 'not_implemented';
    case 'mine':
      return userId !== undefined && answer.assigneeUserId === userId;
    case 'overdue':
      return isOverdue(answer);
    case 'returned':
      return answer.reviewState === 'returned';
  }
}

/** 0.4567 → "46%"; null (nothing applicable) → "—". */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** A title for next year's copy: the first year in the title plus one, else the title with a suffix. */
export function nextYearTitle(title: string, suffix: string): string {
  const match = /(19|20)\d{2}/.exec(title);
  if (!match) return `${title} ${suffix}`.slice(0, 200);
  return (title.slice(0, match.index) + String(Number(match[0]) + 1) + title.slice(match.index + 4)).slice(0, 200);
}

/** "2026-11-22T03:16:42.000Z" → "2026-11-22 12:16" in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export { formatBytes } from '../../components/format-bytes';

/**
 * The Japanese fiscal year (年度) a day falls in: April to March, named by the year it starts
 * in, with its first and last day.
 */
export function fiscalYear(day: Date): { year: number; start: string; end: string } {
  const year = day.getMonth() >= 3 ? day.getFullYear() : day.getFullYear() - 1;
  return { year, start: `${year}-04-01`, end: `${year + 1}-03-31` };
}

/** "2026-04-01 – 2027-03-31", one side when only one is known, "—" when neither. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return '—';
  return `${start ?? ''} – ${end ?? ''}`.trim();
}
