import type { Catalog } from '../../core/catalog/catalog.types';
import type { Database } from '../../db/database';
import { recordCatalogVersion } from '../../db/catalog-version.repository';

/** Remembers every framework version + content hash served, so assessments can name theirs. */
export async function recordCatalogVersions(deps: {
  database: Database;
  catalog: Catalog;
  now: () => Date;
}): Promise<void> {
  const firstSeenAt = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (transaction) => {
    for (const framework of deps.catalog.frameworks.values()) {
      await recordCatalogVersion(transaction, {
        frameworkId: framework.id,
        version: framework.version,
        contentHash: framework.contentHash,
        firstSeenAt,
      });
    }
  });
}
