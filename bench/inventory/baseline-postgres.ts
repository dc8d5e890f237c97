// Baseline for the import bench on PostgreSQL: a plain COPY of the same CSV file into a plain
// table with the file's columns. Prints the milliseconds of the COPY as JSON.
import { createReadStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const [csvPath, url] = process.argv.slice(2) as [string, string];
const header = readFileSync(csvPath, 'utf8').slice(0, 4096).split('\n')[0]!.split(',');
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`CREATE TABLE plain (${header.map((name) => `${name} TEXT`).join(', ')})`);
const started = performance.now();
await pipeline(createReadStream(csvPath), client.query(copyFrom('COPY plain FROM STDIN (FORMAT csv, HEADER true)')));
const ms = performance.now() - started;
const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM plain');
await client.end();
console.log(JSON.stringify({ ms, rows: Number(rows[0]!.n) }));
