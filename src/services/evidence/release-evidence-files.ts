import { countEvidenceWithContent } from '../../db/evidence.repository';
import type { EvidenceDeps } from './evidence-deps';

/**
 * Removes stored files that no evidence row, in any organisation, refers to any more. Call it
 * after the deleting transaction committed; each check runs under the content lock, so an upload
 * of the same bytes at the same moment cannot lose its file.
 */
export async function releaseEvidenceFiles(
  deps: Pick<EvidenceDeps, 'database' | 'evidenceStore'>,
  sha256s: readonly (string | null)[],
): Promise<void> {
  for (const sha256 of new Set(sha256s)) {
    if (sha256 === null) continue;
    await deps.evidenceStore.withContentLock(sha256, async () => {
      if ((await countEvidenceWithContent(deps.database.db, sha256)) === 0) await deps.evidenceStore.remove(sha256);
    });
  }
}
