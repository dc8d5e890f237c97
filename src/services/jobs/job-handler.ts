import type { UserActor } from '../../core/auth/actor';
import type { Action } from '../../core/auth/policy';
import type { GeneratedReport, ReportProgress } from '../reports/generated-report';

/**
 * What runs one kind of background job. The handler gets the requester as they are now (their
 * current role in the job's organisation), so a job never does more than its requester still may.
 */
export interface JobHandler {
  /** The action a member needs to see the job and download its file (e.g. assessments.read). */
  readonly readAction: Action;
  run(input: {
    readonly actor: UserActor;
    readonly params: Readonly<Record<string, unknown>>;
    readonly onProgress: ReportProgress;
    readonly signal: AbortSignal;
  }): Promise<GeneratedReport>;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;
