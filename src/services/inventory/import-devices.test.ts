import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../../core/auth/actor';
import { seedAssessmentTeam, domainErrorOf } from '../../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../../testing/test-database';
import { importDevices } from './import-devices';

async function indexNames(db: TestDatabase): Promise<string[]> {
  const query =
    db.dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'device'`
      : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'device'`;
  return (await query.execute(db.db)).rows.map((row) => row.name);
}

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-import-'));
let fileCounter = 0;

/** Writes `content` to a temp file and returns its path. */
function file(content: string | Buffer, name = `devices-${++fileCounter}.csv`): string {
  const path = join(dir, `${fileCounter}-${name}`);
  writeFileSync(path, content);
  return path;
}

const JAPANESE_CSV = [
  '資産番号,機器名,種別,メーカー,型番,シリアル番号,ファームウェア(バージョン),IPアドレス,MACアドレス,設置場所,管理部門,サポート終了日,状態,CPE',
  'CAM-001,第1工場 カメラ①,カメラ,日立,HC-100,S001,1.0.2,192.168.0.10,00-11-22-33-44-55,第1工場,設備部,2027/3/31,稼働中,cpe:2.3:h:hitachi:hc-100:-:*:*:*:*:*:*:*',
  'GW-001,ゲートウェイ,ゲートウェイ,Panasonic,GW-9,S002,2.1,192.168.0.1;10.0.0.1,,本社,情報システム部,,予備,',
].join('\r\n');

describeEachDialect('importDevices', (database) => {
  let actor: UserActor;
  let db: TestDatabase;
  beforeAll(async () => {
    db = database();
    ({ owner: actor } = await seedAssessmentTeam(db, 'Imports'));
  });
  const deps = () => ({ database: db, clock: () => new Date('2026-12-01T00:00:00Z') });
  const devices = () =>
    db.db
      .selectFrom('device')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId!)
      .orderBy('asset_tag')
      .execute();

  it('reads Shift_JIS with Japanese headers and values, and upserts by asset tag', async () => {
    const path = file(iconv.encode(JAPANESE_CSV, 'cp932'));
    const result = await importDevices(deps(), { actor, path, fileName: 'sjis.csv' });
    expect(result).toMatchObject({ encoding: 'shift_jis', rows: 2, created: 2, updated: 0, skipped: 0 });
    const rows = await devices();
    expect(rows.map((row) => [row.asset_tag, row.name, row.device_class, row.status])).toEqual([
      ['CAM-001', '第1工場 カメラ①', 'camera', 'active'],
      ['GW-001', 'ゲートウェイ', 'gateway', 'spare'],
    ]);
    expect(rows[0]).toMatchObject({ mac_addresses: '00:11:22:33:44:55', support_until: '2027-03-31', site: '第1工場' });
    expect(rows[1]!.ip_addresses).toBe('192.168.0.1 10.0.0.1');

    const again = JAPANESE_CSV.replace('1.0.2', '1.0.3');
    const second = await importDevices(deps(), { actor, path: file(`\uFEFF${again}`), fileName: 'bom.csv' });
    expect(second).toMatchObject({ encoding: 'utf-8-bom', created: 0, updated: 1, unchanged: 1 });
    const history = await db.db
      .selectFrom('inventory_history')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId!)
      .execute();
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.before!)).toMatchObject({ firmwareVersion: '1.0.2' });
    expect(JSON.parse(history[0]!.after!)).toMatchObject({ firmwareVersion: '1.0.3' });
    const facets = await db.db
      .selectFrom('device_facet_count')
      .select(['value', 'count'])
      .where('organisation_id', '=', actor.organisationId!)
      .where('facet', '=', 'deviceClass')
      .orderBy('value')
      .execute();
    expect(facets.map((f) => [f.value, Number(f.count)])).toEqual([
      ['camera', 1],
      ['gateway', 1],
    ]);
  });

  it('refuses a file with problems whole, naming row, column, value and reason', async () => {
    const before = await devices();
    const csv = [
      'asset_tag,name,ip_address,mac_address,installed_on,status',
      'X-1,"A name with a',
      'quoted newline",10.0.0.1,,2026-01-01,active',
      'X-2,Bad IP,999.1.1.1,,,active',
      'X-3,Bad MAC,,00:11:22,,active',
      'X-4,Bad date,,,2026-02-30,active',
      'X-1,Duplicate,,,,active',
      'X-5,Bad status,,,,broken',
    ].join('\n');
    const error = await domainErrorOf(importDevices(deps(), { actor, path: file(csv), fileName: 'bad.csv' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => [d.row, d.column, d.field, d.value, d.code])).toEqual([
      [3, 3, 'ip_address', '999.1.1.1', 'not_an_ip'],
      [4, 4, 'mac_address', '00:11:22', 'not_a_mac'],
      [5, 5, 'installed_on', '2026-02-30', 'not_a_date'],
      [6, 1, 'asset_tag', 'X-1', 'duplicate'],
      [7, 6, 'status', 'broken', 'not_allowed_value'],
    ]);
    expect(await devices()).toEqual(before);

    const partial = await importDevices(deps(), { actor, path: file(csv), fileName: 'bad.csv', validOnly: true });
    expect(partial).toMatchObject({ created: 1, skipped: 5, problemCount: 5 });
    const created = (await devices()).find((row) => row.asset_tag === 'X-1');
    expect(created?.name).toBe('A name with a\nquoted newline');
  });

  it('writes nothing on a dry run but counts what would change', async () => {
    const before = await devices();
    const csv = 'asset_tag,name\nDRY-1,Dry\nCAM-001,Renamed\n';
    const result = await importDevices(deps(), { actor, path: file(csv), fileName: 'dry.csv', dryRun: true });
    expect(result).toMatchObject({ dryRun: true, importId: null, created: 1, updated: 1 });
    expect(await devices()).toEqual(before);
  });

  it('refuses unknown columns unless asked to import the valid rows, and a file without an asset tag column', async () => {
    const csv = 'asset_tag,name,colour\nU-1,Unknown column,red\n';
    const error = await domainErrorOf(importDevices(deps(), { actor, path: file(csv), fileName: 'u.csv' }));
    expect(error.details).toEqual([
      expect.objectContaining({ row: 1, column: 3, value: 'colour', code: 'unknown_column' }),
    ]);
    const ok = await importDevices(deps(), { actor, path: file(csv), fileName: 'u.csv', validOnly: true });
    expect(ok).toMatchObject({ created: 1, problemCount: 1 });
    const mapped = await importDevices(deps(), {
      actor,
      path: file('管理No,名前\nM-1,Mapped\n'),
      fileName: 'm.csv',
      mapping: { 管理No: 'asset_tag', 名前: 'name' },
    });
    expect(mapped.created).toBe(1);
    const missing = await domainErrorOf(importDevices(deps(), { actor, path: file('name\nx\n'), fileName: 'n.csv' }));
    expect(missing.details[0]).toMatchObject({ row: 1, field: 'asset_tag', code: 'missing' });
  });

  it('refuses empty, 0-byte and non-CSV files with a clear reason', async () => {
    const cases: Array<[string | Buffer, string]> = [
      ['', 'file_empty'],
      ['asset_tag,name\n', 'file_empty'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'not_tabular'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'not_tabular'],
    ];
    for (const [content, code] of cases) {
      const error = await domainErrorOf(importDevices(deps(), { actor, path: file(content), fileName: 'x.csv' }));
      expect(error.details[0]?.code, `for ${String(content).slice(0, 10)}`).toBe(code);
    }
  });

  it('builds the secondary indexes after a large first load, and keeps them after a refused one', async () => {
    const team = await seedAssessmentTeam(db, 'Bulk');
    const lines = ['asset_tag,name,model'];
    for (let i = 0; i < 50; i++) lines.push(`B-${i},Bulk ${i},M${i % 3}`);
    const load = { actor: team.owner, fileName: 'bulk.csv', rebuildIndexesFrom: 1 };
    const refused = await domainErrorOf(
      importDevices(deps(), { ...load, path: file(`${lines.join('\n')}\nB-1,x,y\n`) }),
    );
    expect(refused.details[0]?.code).toBe('duplicate');
    expect((await importDevices(deps(), { ...load, path: file(lines.join('\n')) })).created).toBe(50);
    const names = await indexNames(db);
    for (const name of ['device_name_idx', 'device_model_idx', 'device_ip_idx']) expect(names).toContain(name);
  });

  it('keeps organisations apart: the same asset tag in another organisation is another device', async () => {
    const other = await seedAssessmentTeam(db, 'Other');
    const result = await importDevices(deps(), {
      actor: other.owner,
      path: file('asset_tag,name\nCAM-001,Theirs\n'),
      fileName: 'o.csv',
    });
    expect(result.created).toBe(1);
    expect((await devices()).find((row) => row.asset_tag === 'CAM-001')?.name).not.toBe('Theirs');
  });
});
