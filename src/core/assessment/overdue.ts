/**
 * THE definition of an overdue answer, used by every count and flag (assessment page filter,
 * dashboards, gaps, home overview): its due date (YYYY-MM-DD) is before `today` (YYYY-MM-DD) and
 * a reviewer has not accepted it. Accepted work is finished, whatever its due date said.
 */
export function isAnswerOverdue(answer: { dueDate: string | null; reviewState: string }, today: string): boolean {
  return isPastDue(answer.dueDate, today) && answer.reviewState !== 'accepted';
}

/** A due date (YYYY-MM-DD) before `today`: the one comparison behind every overdue flag (answers, findings). */
export function isPastDue(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today;
}

/** The calendar day a moment falls on, in UTC (YYYY-MM-DD): the server's "today" for due dates. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
