import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deviceLine, HEADER } from '../../../../bench/inventory/generate-devices';
import { seedOrganisation } from '../../../testing/test-accounts';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';

describeEachDialect('iotcheck inventory import', (database) => {
  const cli = createCliRunner(database, 'inventory-import');
  let org: string;
  beforeAll(async () => {
    org = await seedOrganisation(database(), 'Factory');
  });
  afterAll(() => cli.cleanUp());
  const devices = async () =>
    (
      await database()
        .db.selectFrom('device')
        .select(['asset_tag', 'firmware_version', 'version'])
        .where('organisation_id', '=', org)
        .orderBy('asset_tag')
        .execute()
    ).map((row) => ({ ...row, version: Number(row.version) }));

  it('imports, summarises, and refuses a bad file with exit 65 and located errors on stderr', async () => {
    const good = join(cli.dir, 'good.csv');
    writeFileSync(good, 'asset_tag,name,ip_address\nA-1,Camera,10.0.0.1\nA-2,Sensor,\n');
    const imported = await cli.run(['inventory', 'import', good, '--org', org]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.out).toContain('good.csv: 2 rows — 2 created, 0 updated, 0 unchanged');

    const bad = join(cli.dir, 'bad.csv');
    writeFileSync(
      bad,
      'asset_tag,name,ip_address\nA-1,Camera,10.0.0.1\nA-3,x,10.0.0.3\nA-4,x,10.0.0.4\nA-5,x,999.1.1.1\n',
    );
    const refused = await cli.run(['inventory', 'import', bad, '--org', org]);
    expect(refused.code).toBe(65);
    expect(refused.err).toContain('row 5, ip_address, "999.1.1.1": not an IP address');
    expect(await devices()).toHaveLength(2);

    const json = await cli.run(['inventory', 'import', bad, '--org', org, '--valid-only', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ created: 2, unchanged: 1, skipped: 1, problemCount: 1 });

    const ja = await cli.run(['inventory', 'import', good, '--org', org, '--dry-run'], 'ja');
    expect(ja.out).toContain('試行のため何も書き込んでいません。');
  });

  it('reads a column mapping file and refuses one that is not a mapping', async () => {
    const file = join(cli.dir, 'mapped.csv');
    writeFileSync(file, '管理No,呼び名\nM-1,Mapped\n');
    const mapping = join(cli.dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 管理No: 'asset_tag', 呼び名: 'name' }));
    expect((await cli.run(['inventory', 'import', file, '--org', org, '--mapping', mapping])).code).toBe(0);
    writeFileSync(mapping, '["asset_tag"]');
    const refused = await cli.run(['inventory', 'import', file, '--org', org, '--mapping', mapping]);
    expect(refused.code).toBe(65);
    expect(refused.err).toContain('not a column mapping');
  });

  it('leaves the inventory exactly as it was when the import process is killed (kill -9) mid-way', async () => {
    const before = await devices();
    // Rows that also change the devices already there (A-1, A-2 …) and many new ones.
    const next = (() => {
      let seed = 7;
      return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    })();
    const lines = [HEADER];
    for (let i = 0; i < 150_000; i++) lines.push(deviceLine(i, next).trimEnd());
    lines.push('A-1,Camera,camera,x,y,s,9.9.9,10.0.0.1,,,,,,,稼働中,');
    const file = join(cli.dir, 'large.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const child = spawn(
      process.execPath,
      // The compiled CLI as users run it (bin/iotcheck.js builds dist/server/ first if it is stale).
      ['bin/iotcheck.js', 'inventory', 'import', file, '--org', org, '--progress'],
      { env: { ...process.env, LC_ALL: 'C', LOG_LEVEL: 'silent', DATABASE_URL: database().url, DATA_DIR: cli.dir } },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it as soon as it has written rows inside its transaction (the second progress line).
    await new Promise<void>((resolve, reject) => {
      let progressLines = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        progressLines += (String(chunk).match(/rows read/g) ?? []).length;
        if (progressLines >= 2) resolve();
      });
      child.on('exit', () => reject(new Error('the import finished before it could be killed')));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await devices()).toEqual(before);
    // Nothing is left locked or half-done: the same import now runs to the end.
    const rerun = await cli.run(['inventory', 'import', file, '--org', org, '--json']);
    expect(rerun.code, rerun.err).toBe(0);
    expect(JSON.parse(rerun.out)).toMatchObject({ rows: 150_001 });
    expect((await devices()).length).toBeGreaterThan(150_000);
  }, 240_000);
});
