import type { Actor } from '../../core/auth/actor';
import type { Job } from '../../core/jobs/job.types';
import type { JobView } from '../../contracts/report.schema';

/** A job as clients see it: progress as a share, the file's download address once it is ready. */
export function presentJob(job: Job, actor: Actor): JobView {
  const language = job.params['language'];
  const detailed = job.params['detailed'];
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress / 1000,
    ...(typeof language === 'string' ? { language } : {}),
    ...(typeof detailed === 'boolean' ? { detailed } : {}),
    requestedByMe: actor.kind === 'user' && actor.userId === job.requestedBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    file:
      job.status === 'succeeded' && job.result
        ? {
            name: job.result.fileName,
            mediaType: job.result.mediaType,
            bytes: job.result.bytes,
            href: `/api/jobs/${job.id}/download`,
          }
        : null,
    error: job.error,
  };
}
