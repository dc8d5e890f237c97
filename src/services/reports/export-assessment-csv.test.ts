import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { seedExchangeAssessment } from '../../testing/seed-exchange-assessment';
import { createTestClock } from '../../testing/test-app';
import { createTestAssessmentDeps, domainErrorOf, seedAssessmentTeam } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createTestEvidenceSetup, type TestEvidenceSetup } from '../../testing/test-evidence';
import { CsvRecordReader } from '../../core/inventory/import/csv-records';
import { openTableFile } from '../../integrations/inventory-import/read-table-file';
import { exportAssessmentCsv } from './export-assessment-csv';
import type { GeneratedReport } from './generated-report';

async function bytesOf(report: GeneratedReport): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await report.write(sink);
  sink.end();
  return Buffer.concat(chunks);
}

const folder = mkdtempSync(join(tmpdir(), 'iotcheck-csv-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Reads the CSV back: the encoding as iotcheck's own table reader detects it, the cells exactly as
 * written (an RFC 4180 reader, quoted line breaks kept; the importer would drop the apostrophe of a
 * neutralised formula, which these tests want to see).
 */
async function rowsOf(bytes: Buffer, name: string): Promise<{ encoding: string; rows: string[][] }> {
  const file = join(folder, name);
  writeFileSync(file, bytes);
  const table = await openTableFile(file, name);
  let read = 0;
  for await (const row of table.rows()) read += row.cells.length > 0 ? 1 : 0;
  const reader = new CsvRecordReader(',');
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const rows = [...reader.push(text), ...reader.end()].map((record) => record.cells);
  expect(rows.filter((cells) => cells.length > 0)).toHaveLength(read);
  return { encoding: table.encoding(), rows };
}

describeEachDialect('assessment CSV exports', (database) => {
  const clock = createTestClock(new Date('2026-11-22T09:00:00.000Z'));
  const deps = () => createTestAssessmentDeps(database(), clock);
  const setups: TestEvidenceSetup[] = [];
  afterAll(() => setups.forEach((setup) => setup.cleanUp()));
  let seeded: Awaited<ReturnType<typeof seedExchangeAssessment>> | undefined;
  const seed = async () => {
    if (seeded) return seeded;
    const setup = createTestEvidenceSetup(database(), { clock });
    setups.push(setup);
    seeded = await seedExchangeAssessment(database(), deps(), setup.deps);
    return seeded;
  };
  const csvOf = async (kind: 'answers' | 'findings' | 'evidence', language: 'ja' | 'en') => {
    const { team, assessmentId } = await seed();
    const report = await exportAssessmentCsv(deps(), { actor: team.viewer, assessmentId, kind, language });
    const bytes = await bytesOf(report);
    const { rows, encoding } = await rowsOf(bytes, `${kind}-${language}.csv`);
    expect(encoding).toBe('utf-8-bom');
    return { report, bytes, rows };
  };

  it('writes answers for Excel: BOM, CRLF, Japanese headers, one row per item with labels', async () => {
    const { report, bytes, rows } = await csvOf('answers', 'ja');
    const { assessmentId } = await seed();
    expect(report.fileName).toBe(`iotcheck-answers-${assessmentId.slice(0, 8)}-20261122.csv`);
    expect(report.mediaType).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Every record ends with CRLF; the line break inside a comment stays inside its quoted cell.
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(62);
    expect(rows[0]).toEqual([
      'No.',
      '機能',
      'カテゴリ',
      '項目',
      '結果',
      '対象外の理由',
      'コメント',
      '担当者',
      '期限',
      'レビュー状態',
      '版',
    ]);
    expect(rows).toHaveLength(61);
    expect(rows.slice(1).map((row) => row[0])).toEqual(Array.from({ length: 60 }, (_, index) => String(index + 1)));
    const catalog = deps().catalog;
    expect(rows[1]).toEqual([
      '1',
      `ID ${catalog.nodes.get('jssec-v2:ID')?.title.ja}`,
      `ID.AM ${catalog.nodes.get('jssec-v2:ID.AM')?.title.ja}`,
      catalog.nodes.get('jssec-v2:1')?.title.ja,
      '実施済',
      '',
      '台帳あり\n毎月更新',
      '',
      '',
      '未提出',
      '1',
    ]);
    // A comment that would run as a formula is plain text; unanswered items are listed too.
    expect(rows[2]?.[6]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[25]?.slice(4, 9)).toEqual(['未実施', '', '', '', '2026-12-31']);
    expect(rows[30]?.slice(4, 6)).toEqual(['対象外', '無線は使っていない']);
    expect(rows[3]?.slice(4, 11)).toEqual(['未回答', '', '', '', '', '未提出', '0']);
  });

  it('writes English headers and labels when asked', async () => {
    const { rows } = await csvOf('answers', 'en');
    expect(rows[0]).toEqual([
      'No.',
      'Function',
      'Category',
      'Item',
      'Result',
      'Justification',
      'Comment',
      'Assignee',
      'Due date',
      'Review state',
      'Version',
    ]);
    expect(rows[1]?.[3]).toBe(deps().catalog.nodes.get('jssec-v2:1')?.title.en);
    expect(rows[2]?.[4]).toBe('Partial');
  });

  it('writes one row per finding, in sheet order, neutralising formula-like text', async () => {
    const { rows } = await csvOf('findings', 'ja');
    expect(rows[0]).toEqual([
      'No.',
      '項目',
      '指摘',
      '影響',
      '推奨対策',
      '優先度',
      '対応責任者',
      '対応期限',
      '対応状況',
      '登録日時',
      '更新日時',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[5], row[6], row[7], row[8]])).toEqual([
      ['1', '旧台帳が残っていた', '中', '', '', '対応済み'],
      ['2', "'@台帳の更新が遅れている", '低', '', '', '未対応'],
      ['25', '初期パスワードのまま運用\n全 12 台', '高', '設備課 山田', '2026-12-31', '未対応'],
    ]);
    const english = await csvOf('findings', 'en');
    expect(english.rows[0]?.slice(0, 3)).toEqual(['No.', 'Item', 'Finding']);
    expect(english.rows[3]?.[8]).toBe('Open');
  });

  it('writes one row per evidence link with kind, dates, file name or URL and SHA-256', async () => {
    const { rows } = await csvOf('evidence', 'ja');
    const { evidence } = await seed();
    expect(rows[0]).toEqual(['No.', '項目', '証跡', '種別', '日付', '有効期限', 'ファイル名 / URL', 'SHA-256']);
    const body = rows.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[5], row[6], row[7]]);
    expect(body).toHaveLength(4);
    expect(body).toEqual(
      expect.arrayContaining([
        ['1', '機器台帳', 'ファイル', '2026-11-01', '', 'inventory.pdf', evidence.file.sha256],
        ['1', "'+設定手順", 'リンク', '', '2027-03-31', 'https://wiki.example.jp/iot/%E6%89%8B%E9%A0%86%201', ''],
        ['2', 'ヒアリング', 'テキスト', '', '', '', ''],
        ['25', "'+設定手順", 'リンク', '', '2027-03-31', 'https://wiki.example.jp/iot/%E6%89%8B%E9%A0%86%201', ''],
      ]),
    );
    expect(body.map((row) => row[0])).toEqual(['1', '1', '2', '25']);
  });

  it("refuses another organisation's assessment", async () => {
    const { assessmentId } = await seed();
    const other = await seedAssessmentTeam(database(), 'Other');
    const error = await domainErrorOf(
      exportAssessmentCsv(deps(), { actor: other.owner, assessmentId, kind: 'answers', language: 'ja' }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});
