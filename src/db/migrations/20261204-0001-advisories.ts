import type { Kysely } from 'kysely';

/**
 * Vulnerability advisories and SBOMs (issue 13). Advisories from the installation's feeds are
 * shared by every organisation (`organisation_id` null, `scope_key` '*'); an advisory a member
 * uploads stays with their organisation (`scope_key` = its id), so one tenant cannot change what
 * another tenant's devices match. `revision` grows with every insert or change, so a re-match
 * reads only the advisories changed since its last run. SBOMs describe a model or one device.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('advisory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('tracking_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('cves', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .addColumn('severity_level', 'text')
    .addColumn('cvss_score', 'real')
    .addColumn('kev_date_added', 'text')
    .addColumn('withdrawn', 'boolean', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('advisory_identity_idx')
    .on('advisory')
    .columns(['scope_key', 'source', 'tracking_id'])
    .unique()
    .execute();
  await db.schema.createIndex('advisory_revision_idx').on('advisory').columns(['revision']).execute();
  await db.schema
    .createTable('advisory_revision_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('advisory_revision_counter' as never)
    .values({ id: 1, revision: 0 } as never)
    .execute();

  await db.schema
    .createTable('sbom')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('manufacturer', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('device_id', 'bigint', (c) => c.references('device.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('component_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sbom_subject_idx')
    .on('sbom')
    .columns(['organisation_id', 'manufacturer', 'model', 'device_id'])
    .execute();
  await db.schema
    .createTable('sbom_component')
    .addColumn('sbom_id', 'text', (c) => c.notNull().references('sbom.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('purl', 'text')
    .addColumn('cpe', 'text')
    .addPrimaryKeyConstraint('sbom_component_pk', ['sbom_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sbom_component').execute();
  await db.schema.dropTable('sbom').execute();
  await db.schema.dropTable('advisory_revision_counter').execute();
  await db.schema.dropTable('advisory').execute();
}
