import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The incident workspace (issue 15): incidents (real ones and drills) with a per-organisation
// number, the devices they concern, an append-only timeline, evidence links, links to
// vulnerability matches and probe results (by id only), lessons learned that flow into the next
// assessment, drill steps, and playbooks per system. JSON lists are text; times ISO-8601 UTC text.
// The timeline refuses UPDATE and DELETE in the database itself (a trigger on both dialects), so
// a correction can only be a new entry pointing at the one it corrects.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_counter')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('playbook')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('iot_system.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('contact_ids', 'text', (c) => c.notNull())
    .addColumn('first_report_template', 'text', (c) => c.notNull())
    .addColumn('checklists', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('playbook_system_idx').on('playbook').columns(['organisation_id', 'system_id']).execute();

  await db.schema
    .createTable('incident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('system_ids', 'text', (c) => c.notNull())
    .addColumn('drill', 'integer', (c) => c.notNull())
    .addColumn('playbook_id', 'text', (c) => c.references('playbook.id').onDelete('set null'))
    .addColumn('occurred_at', 'text')
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('triaged_at', 'text')
    .addColumn('contained_at', 'text')
    .addColumn('eradicated_at', 'text')
    .addColumn('recovered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_number_idx')
    .on('incident')
    .columns(['organisation_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('incident_device')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('device_id', 'bigint', (c) => c.notNull().references('device.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_device_pk', ['incident_id', 'device_id'])
    .execute();

  await db.schema
    .createTable('incident_timeline')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('corrects_seq', 'integer')
    .addColumn('details', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_timeline_pk', ['incident_id', 'seq'])
    .execute();

  await db.schema
    .createTable('incident_evidence')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text')
    .addPrimaryKeyConstraint('incident_evidence_pk', ['incident_id', 'evidence_id'])
    .execute();

  await db.schema
    .createTable('incident_link')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_link_pk', ['incident_id', 'kind', 'ref_id'])
    .execute();

  await db.schema
    .createTable('incident_lesson')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull().references('iot_system.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lesson', 'text', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('carried_to_assessment_id', 'text', (c) => c.references('assessment.id').onDelete('set null'))
    .addColumn('carried_finding_id', 'text', (c) => c.references('finding.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_lesson_system_idx')
    .on('incident_lesson')
    .columns(['organisation_id', 'system_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('incident_step')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_stakeholder_id', 'text')
    .addColumn('expected_minutes', 'integer')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_step_pk', ['incident_id', 'idx'])
    .execute();

  if (isPostgres(db)) {
    await sql`CREATE FUNCTION incident_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'incident_timeline is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER incident_timeline_append_only BEFORE UPDATE OR DELETE ON incident_timeline
      FOR EACH ROW EXECUTE FUNCTION incident_timeline_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER incident_timeline_no_update BEFORE UPDATE ON incident_timeline
      BEGIN SELECT RAISE(ABORT, 'incident_timeline is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER incident_timeline_no_delete BEFORE DELETE ON incident_timeline
      BEGIN SELECT RAISE(ABORT, 'incident_timeline is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS incident_timeline_append_only ON incident_timeline`.execute(db);
    await sql`DROP FUNCTION IF EXISTS incident_timeline_append_only()`.execute(db);
  }
  for (const table of [
    'incident_step',
    'incident_lesson',
    'incident_link',
    'incident_evidence',
    'incident_timeline',
    'incident_device',
    'incident',
    'playbook',
    'incident_counter',
  ])
    await db.schema.dropTable(table).execute();
}
