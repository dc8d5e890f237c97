import type { Action } from '../auth/policy';
import type { JobSubject } from './job.types';

const READ_ACTION_OF_SUBJECT: Readonly<Record<JobSubject, Action>> = {
  assessment: 'assessments.read',
  vulnerabilities: 'vulnerabilities.read',
  incident: 'incidents.read',
  probes: 'probes.read',
};

/**
 * The action a member needs to see a job about `subject` and download its file: reading an
 * assessment's report needs what reading the assessment needs. An unknown subject is nobody's.
 */
export function readActionOfSubject(subject: string): Action | undefined {
  return Object.hasOwn(READ_ACTION_OF_SUBJECT, subject) ? READ_ACTION_OF_SUBJECT[subject as JobSubject] : undefined;
}
