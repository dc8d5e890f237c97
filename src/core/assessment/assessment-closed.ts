import { DomainError } from '../domain-error';
import type { AssessmentStatus } from './assessment.types';

/**
 * The refusal to change a done or archived assessment: ASSESSMENT_CLOSED (not the stale-version
 * CONFLICT, which asks for a reload and a choice), naming the status. `what` is what would have
 * changed, e.g. "change answers", for the English message.
 */
export function assessmentClosed(status: AssessmentStatus, what: string, path?: string): DomainError {
  const reopen = status === 'done' ? ' Reopen it (status in_progress) to edit.' : '';
  return new DomainError('ASSESSMENT_CLOSED', `The assessment is ${status}; it cannot ${what}.${reopen}`, [
    { ...(path ? { path } : {}), field: 'status', reason: status, code: 'assessment_closed' },
  ]);
}
