import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEVICE_EXPORT_HEADERS } from '../../../core/inventory/device-export-columns';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';
import { seedDevices } from '../../../testing/test-devices';

describeEachDialect('iotcheck inventory list and export', (database) => {
  const cli = createCliRunner(database, 'inventory');
  const { run } = cli;
  let org: string;
  afterAll(() => cli.cleanUp());

  beforeAll(async () => {
    const created = await run(['org', 'create', '--name', 'Honsha']);
    expect(created.code).toBe(0);
    org = created.out.split('\t')[0]!;
    await seedDevices(database(), org, 1205, (i) => ({
      manufacturer: i % 5 === 0 ? 'Acme' : 'Bosch',
      name: i === 0 ? '東京, "本社" ゲートウェイ' : `Device ${i}`,
      cpes: i === 0 ? ['cpe:2.3:h:acme:gw:-:*:*:*:*:*:*:*', 'cpe:2.3:o:acme:fw:1.0:*:*:*:*:*:*:*'] : [],
    }));
  });

  it('writes CSV to standard output with a BOM, one header row and every matching device, across pages', async () => {
    const result = await run(['inventory', 'export', '--org', org, '--filter', 'manufacturer=Acme']);
    expect(result.code).toBe(0);
    expect(result.written.startsWith('\ufeff')).toBe(true);
    const lines = result.written.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(DEVICE_EXPORT_HEADERS.join(','));
    expect(lines).toHaveLength(1 + 241);
    expect(lines[1]).toContain('D-0001,"東京, ""本社"" ゲートウェイ"');
    expect(lines[1]).toContain('cpe:2.3:h:acme:gw:-:*:*:*:*:*:*:*;cpe:2.3:o:acme:fw:1.0:*:*:*:*:*:*:*');
    const all = await run(['inventory', 'export', '--org', org]);
    expect(all.written.slice(1).trimEnd().split('\r\n')).toHaveLength(1 + 1205);
  });

  it('writes -o files through a temporary file renamed into place, CSV and XLSX alike', async () => {
    const csvFile = join(cli.dir, 'devices.csv');
    const csv = await run(['inventory', 'export', '--org', org, '--filter', 'manufacturer=Acme', '-o', csvFile]);
    expect(csv.code).toBe(0);
    expect(csv.err).toContain('241');
    const stdout = await run(['inventory', 'export', '--org', org, '--filter', 'manufacturer=Acme']);
    expect(readFileSync(csvFile, 'utf8')).toBe(stdout.written);

    const xlsxFile = join(cli.dir, 'devices.xlsx');
    expect((await run(['inventory', 'export', '--org', org, '--format', 'xlsx', '-o', xlsxFile])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...DEVICE_EXPORT_HEADERS]);
    expect(sheet.rowCount).toBe(1206);
    expect(readdirSync(cli.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses XLSX to standard output and bad filters, naming the option, and leaves no file behind', async () => {
    const xlsx = await run(['inventory', 'export', '--org', org, '--format', 'xlsx']);
    expect(xlsx.code).toBe(65);
    expect(xlsx.err).toContain('-o');
    expect((await run(['inventory', 'export', '--org', org, '--format', 'xlsx'], 'ja')).err).toContain('-o で');
    const bad = await run([
      'inventory',
      'export',
      '--org',
      org,
      '--filter',
      'support=soon',
      '-o',
      join(cli.dir, 'x.csv'),
    ]);
    expect(bad.code).toBe(65);
    expect(bad.err).toContain('--filter: support=soon');
    expect(readdirSync(cli.dir).filter((name) => name.startsWith('x.csv') || name.startsWith('.x.csv'))).toEqual([]);
  });

  it('lists devices as text or JSON, filtered, saying when more exist', async () => {
    const text = await run(['inventory', 'list', '--org', org, '--filter', 'q=d-000', '--limit', '5']);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')).toHaveLength(5);
    expect(text.out.split('\n')[0]).toBe('D-0001\t東京, "本社" ゲートウェイ\tother\tAcme\t-\t-\tactive');
    expect(text.err).toContain('5 of 9');
    const json = await run([
      'inventory',
      'list',
      '--org',
      org,
      '--json',
      '--filter',
      'manufacturer=Acme',
      '--limit',
      '1000',
    ]);
    const parsed = JSON.parse(json.out) as { devices: { manufacturer: string }[]; total: number };
    expect(parsed.total).toBe(241);
    expect(parsed.devices).toHaveLength(241);
    expect(parsed.devices.every((device) => device.manufacturer === 'Acme')).toBe(true);
  });
});
