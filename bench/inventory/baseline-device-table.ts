// Second baseline for the import bench: the same devices written straight into iotcheck's own
// device table (migrated, with its indexes) by the plainest loop each dialect has — a prepared
// insert in one transaction on SQLite, one COPY on PostgreSQL. The rows are parsed and laid out
// before the clock starts, so this is the cost of storing them, without reading a file.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CsvRecordReader } from '../../src/core/inventory/import/csv-records';
import { compileRowParser } from '../../src/core/inventory/import/parse-device-row';
import { resolveColumns } from '../../src/core/inventory/import/resolve-columns';
import { connectDatabase } from '../../src/db/connect';
import { FIELD_ORDER, newDeviceValues } from '../../src/db/inventory/device-import-writer';
import { migrateToLatest } from '../../src/db/migrate';
import { insertOrganisation } from '../../src/db/organisation.repository';

const [csvPath, target] = process.argv.slice(2) as [string, string];
const reader = new CsvRecordReader();
const records = [...reader.push(readFileSync(csvPath, 'utf8')), ...reader.end()];
const header = resolveColumns(records[0]!.cells, {}, []);
const parse = compileRowParser(header.columns);
const now = new Date().toISOString();
const rows = records
  .slice(1)
  .map((record) => [...newDeviceValues(parse(record.cells, record.row).fields), 'bench', now, now]);
const columns = [...FIELD_ORDER.map(([, column]) => column), 'organisation_id', 'created_at', 'updated_at'];

const isPostgres = target.startsWith('postgres');
const database = connectDatabase(isPostgres ? { kind: 'postgres', url: target } : { kind: 'sqlite', file: target });
await migrateToLatest(database);
await insertOrganisation(database.db, {
  id: 'bench',
  slug: 'bench',
  name: 'Bench',
  requireTotp: false,
  createdAt: now,
});
await database.close();

let ms: number;
if (!isPostgres) {
  const sqlite = new SqliteDatabase(target);
  sqlite.pragma('synchronous = NORMAL');
  const insert = sqlite.prepare(
    `INSERT INTO device (${columns.join(', ')}, version) VALUES (${columns.map(() => '?').join(', ')}, 1)`,
  );
  const started = performance.now();
  sqlite.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  ms = performance.now() - started;
  sqlite.close();
} else {
  const escape = (value: unknown) =>
    value === null ? '\\N' : String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const text = rows.map((row) => `${row.map(escape).join('\t')}\t1\n`).join('');
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  const started = performance.now();
  await pipeline(
    Readable.from([text]),
    client.query(copyFrom(`COPY device (${columns.join(', ')}, version) FROM STDIN`)),
  );
  ms = performance.now() - started;
  await client.end();
}
console.log(JSON.stringify({ ms, rows: rows.length }));
