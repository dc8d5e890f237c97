import type { Kysely } from 'kysely';

// Device probes (issue 14): scopes an admin declares (targets as written plus their parsed
// entries, rate, time windows, whether intrusive checks are allowed), credential lists (passwords
// sealed with the installation key, never readable through the API), runs (one per job, with the
// plan pinned at request time), and what each run found per target and per observation. JSON
// lists are text; times ISO-8601 UTC text; booleans 0/1.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('probe_scope')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('allow_credentials', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rate', 'integer', (c) => c.notNull())
    .addColumn('concurrency', 'integer', (c) => c.notNull())
    .addColumn('vantage', 'text', (c) => c.notNull())
    .addColumn('expected_ports', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('time_windows', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('probe_scope_name_idx')
    .on('probe_scope')
    .columns(['organisation_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('probe_credential_list')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('usernames', 'text', (c) => c.notNull())
    .addColumn('sealed_credentials', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('probe_credential_list_name_idx')
    .on('probe_credential_list')
    .columns(['organisation_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('probe_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('scope_id', 'text', (c) => c.notNull().references('probe_scope.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('requested_targets', 'text')
    .addColumn('requested_devices', 'integer')
    .addColumn('ports', 'text', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('intrusive', 'integer', (c) => c.notNull())
    .addColumn('stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target_count', 'integer')
    .addColumn('reachable_count', 'integer')
    .addColumn('open_port_count', 'integer')
    .addColumn('pass_count', 'integer')
    .addColumn('fail_count', 'integer')
    .addColumn('inconclusive_count', 'integer')
    .addColumn('previous_run_id', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('probe_run_scope_idx')
    .on('probe_run')
    .columns(['organisation_id', 'scope_id', 'created_at'])
    .execute();
  await db.schema.createIndex('probe_run_job_idx').on('probe_run').columns(['job_id']).execute();

  await db.schema
    .createTable('probe_target_result')
    .addColumn('run_id', 'text', (c) => c.notNull().references('probe_run.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('hostname', 'text')
    .addColumn('device_id', 'bigint', (c) => c.references('device.id').onDelete('set null'))
    .addColumn('open_ports', 'text', (c) => c.notNull())
    .addColumn('pass_count', 'integer', (c) => c.notNull())
    .addColumn('fail_count', 'integer', (c) => c.notNull())
    .addColumn('inconclusive_count', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('probe_target_result_pk', ['run_id', 'address'])
    .execute();

  await db.schema
    .createTable('probe_observation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('probe_run.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('device_id', 'bigint', (c) => c.references('device.id').onDelete('set null'))
    .addColumn('check_name', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('port', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('probe_observation_run_idx').on('probe_observation').columns(['run_id', 'seq']).execute();
  // Latest observations per device (device results, machine evidence).
  await db.schema
    .createIndex('probe_observation_device_idx')
    .on('probe_observation')
    .columns(['organisation_id', 'device_id', 'check_name', 'observed_at'])
    .execute();

  // One row per observation and checksheet item it supports: "observations of item 32" by index.
  await db.schema
    .createTable('probe_observation_item')
    .addColumn('observation_id', 'text', (c) => c.notNull().references('probe_observation.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'bigint')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('probe_observation_item_pk', ['observation_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('probe_observation_item_idx')
    .on('probe_observation_item')
    .columns(['organisation_id', 'item_id', 'device_id', 'observed_at'])
    .execute();
  await db.schema
    .createIndex('probe_observation_item_run_idx')
    .on('probe_observation_item')
    .columns(['run_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'probe_observation_item',
    'probe_observation',
    'probe_target_result',
    'probe_run',
    'probe_credential_list',
    'probe_scope',
  ])
    await db.schema.dropTable(table).execute();
}
