import { once } from 'node:events';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine } from '../copy-text';
import type { DatabaseSchema } from '../database';
import {
  FIELD_ORDER,
  newDeviceValues,
  type DeviceImportWriter,
  type ImportCounts,
  type ImportWriteContext,
} from './device-import-writer';

/**
 * PostgreSQL: rows stream by COPY into a temporary staging table while the file is still being
 * read; `finish` then inserts the new devices and updates the changed ones with two set-based
 * statements (plus one for their history), all in the caller's transaction.
 */
export async function openPostgresImportWriter(
  client: pg.PoolClient | pg.Client,
  transaction: Transaction<DatabaseSchema>,
  context: ImportWriteContext,
): Promise<DeviceImportWriter> {
  const columns = FIELD_ORDER.map(([, column]) => column);
  const { organisationId, importId, now, actorUserId } = context;
  await sql
    .raw(
      `CREATE TEMP TABLE import_staging ON COMMIT DROP AS
       SELECT ${columns.join(', ')} FROM device WITH NO DATA`,
    )
    .execute(transaction);
  const copy = client.query(copyFrom(`COPY import_staging (${columns.join(', ')}) FROM STDIN`));
  let failure: Error | undefined;
  let ended = false;
  copy.on('error', (error: Error) => (failure = error));

  return {
    async write(rows) {
      if (failure) throw failure;
      let chunk = '';
      for (const row of rows) chunk += copyLine(newDeviceValues(row.fields));
      if (!copy.write(chunk)) await once(copy, 'drain');
    },
    async abort() {
      if (ended) return;
      ended = true;
      // Destroying the stream sends CopyFail: the server ends the COPY, and the rollback can run.
      const closed = once(copy, 'close').catch(() => undefined);
      copy.destroy(new Error('import abandoned'));
      await closed;
      await sql`SELECT 1`.execute(transaction).catch(() => undefined);
    },
    async finish(): Promise<ImportCounts> {
      ended = true;
      copy.end();
      await once(copy, 'finish');
      if (failure) throw failure;
      await sql`ANALYZE import_staging`.execute(transaction);
      return mergeStaging(transaction, context, columns, { organisationId, importId, now, actorUserId });
    },
  };
}

async function mergeStaging(
  transaction: Transaction<DatabaseSchema>,
  context: ImportWriteContext,
  columns: readonly string[],
  facts: { organisationId: string; importId: string; now: string; actorUserId: string | null },
): Promise<ImportCounts> {
  const staged = await sql<{ n: string }>`SELECT count(*) AS n FROM import_staging`.execute(transaction);
  const total = Number(staged.rows[0]!.n);
  const presentColumns = context.presentFields.map((key) => FIELD_ORDER.find(([field]) => field === key)![1]);
  const changed = presentColumns.map(differs).join(' OR ');
  const match = sql`d.organisation_id = ${facts.organisationId} AND d.asset_tag = s.asset_tag`;
  let updated = 0;
  if (changed !== '') {
    const fieldOf = (column: string) => FIELD_ORDER.find(([, c]) => c === column)![0];
    const pairs = (alias: string) =>
      presentColumns.map((column) => `'${fieldOf(column)}', ${alias === 'd' ? 'd.' + column : incoming(column)}`);
    await sql`INSERT INTO inventory_history (id, organisation_id, entity_kind, entity_id, version, action, changed_at,
        changed_by, import_id, before, after)
      SELECT gen_random_uuid()::text, ${facts.organisationId}, 'device', d.id::text, d.version + 1, 'import',
        ${facts.now}, ${facts.actorUserId}, ${facts.importId},
        ${sql.raw(`jsonb_build_object(${pairs('d').join(', ')})::text`)},
        ${sql.raw(`jsonb_build_object(${pairs('s').join(', ')})::text`)}
      FROM device d JOIN import_staging s ON ${match} WHERE ${sql.raw(changed)}`.execute(transaction);
    const result =
      await sql`UPDATE device d SET ${sql.raw(presentColumns.map((c) => `${c} = ${incoming(c)}`).join(', '))},
        import_id = ${facts.importId}, version = d.version + 1, updated_at = ${facts.now}, updated_by = ${facts.actorUserId}
      FROM import_staging s WHERE ${match} AND (${sql.raw(changed)})`.execute(transaction);
    updated = Number(result.numAffectedRows ?? 0);
  }
  const inserted = await sql`INSERT INTO device (${sql.raw(columns.join(', '))}, organisation_id, import_id, version,
      created_at, updated_at, updated_by)
    SELECT ${sql.raw(columns.map((c) => `s.${c}`).join(', '))}, ${facts.organisationId}, ${facts.importId}, 1,
      ${facts.now}, ${facts.now}, ${facts.actorUserId}
    FROM import_staging s
    WHERE NOT EXISTS (SELECT 1 FROM device d WHERE ${match})`.execute(transaction);
  const created = Number(inserted.numAffectedRows ?? 0);
  return { created, updated, unchanged: total - created - updated };
}

/** Whether the staged value differs from the stored one (custom fields compare as JSON). */
function differs(column: string): string {
  if (column === 'custom_fields')
    return `d.custom_fields::jsonb IS DISTINCT FROM (d.custom_fields::jsonb || s.custom_fields::jsonb)`;
  return `d.${column} IS DISTINCT FROM s.${column}`;
}

/** The staged value of a column as an update writes it (custom fields merge into the stored ones). */
function incoming(column: string): string {
  return column === 'custom_fields' ? `(d.custom_fields::jsonb || s.custom_fields::jsonb)::text` : `s.${column}`;
}
