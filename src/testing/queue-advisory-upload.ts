import { Readable } from 'node:stream';
import type { Actor } from '../core/auth/actor';
import type { Job } from '../core/jobs/job.types';
import { requestAdvisoryImport } from '../services/vulnerabilities/import/request-advisory-import';

/** Queues an advisory import of `content` as an upload would (source auto, a 1 MB limit). */
export function queueAdvisoryUpload(
  deps: Omit<Parameters<typeof requestAdvisoryImport>[0], 'maxBytes'>,
  actor: Actor,
  content = '{"vulnerabilities":[]}',
  fileName = 'nvd.json',
): Promise<Job> {
  return requestAdvisoryImport(
    { ...deps, maxBytes: 1_000_000 },
    {
      actor,
      file: { content: Readable.from([Buffer.from(content)]), fileName, truncated: () => false },
      readSource: async () => 'auto',
    },
  );
}
