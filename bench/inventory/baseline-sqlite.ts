// Baseline for the import bench: a plain better-sqlite3 prepared-insert loop writing the same rows
// (the CSV's cells, split in memory before the clock starts) into a plain table in one transaction.
// Prints the milliseconds of the loop as JSON.
import { readFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

const [csvPath, dbPath] = process.argv.slice(2) as [string, string];
const lines = readFileSync(csvPath, 'utf8').split('\n');
const header = lines[0]!.split(',');
const rows = lines
  .slice(1)
  .filter((line) => line !== '')
  .map((line) => line.split(','));
const sqlite = new SqliteDatabase(dbPath);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec(`CREATE TABLE plain (${header.map((name) => `${name} TEXT`).join(', ')})`);
const insert = sqlite.prepare(`INSERT INTO plain VALUES (${header.map(() => '?').join(', ')})`);
const started = performance.now();
sqlite.transaction(() => {
  for (const row of rows) insert.run(row);
})();
const ms = performance.now() - started;
sqlite.close();
console.log(JSON.stringify({ ms, rows: rows.length }));
