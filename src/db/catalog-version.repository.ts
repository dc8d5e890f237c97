import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

/** A catalog content this installation has served, as the domain sees it. */
export interface CatalogVersionRecord {
  readonly frameworkId: string;
  readonly version: string;
  readonly contentHash: string;
  readonly firstSeenAt: string;
}

/** Records that a framework version with this content hash was loaded; a repeat is a no-op. */
export async function recordCatalogVersion(db: Kysely<DatabaseSchema>, record: CatalogVersionRecord): Promise<void> {
  await db
    .insertInto('catalog_version')
    .values({
      framework_id: record.frameworkId,
      version: record.version,
      content_hash: record.contentHash,
      first_seen_at: record.firstSeenAt,
    })
    .onConflict((conflict) => conflict.columns(['framework_id', 'version', 'content_hash']).doNothing())
    .execute();
}

/** Lists every recorded catalog content, oldest first. */
export async function listCatalogVersions(db: Kysely<DatabaseSchema>): Promise<CatalogVersionRecord[]> {
  const rows = await db
    .selectFrom('catalog_version')
    .selectAll()
    .orderBy('first_seen_at')
    .orderBy('framework_id')
    .execute();
  return rows.map((row) => ({
    frameworkId: row.framework_id,
    version: row.version,
    contentHash: row.content_hash,
    firstSeenAt: row.first_seen_at,
  }));
}
