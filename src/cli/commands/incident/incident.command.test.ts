import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { INCIDENT_REPORT_TEXT } from '../../../core/incidents/incident-report-text';
import { pdfText, pdftotextAvailable, squeeze } from '../../../testing/pdf-text';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';

const hasPdftotext = pdftotextAvailable();
const LESSON = '遠隔保守の経路が台帳になかった';

describeEachDialect('iotcheck incident', (database) => {
  const cli = createCliRunner(database, 'incident-cli');
  const { dir, run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';

  it('creates, lists, shows, moves forward, closes with lessons and exports the report and the timeline', async () => {
    const org = firstField((await run(['org', 'create', '--name', '物流センター'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', '搬送制御', '--criticality', 'important'])).out,
    );
    const deviceId = await seedLinkedDevice(database(), org, {
      systemId,
      fields: { assetTag: 'AGV-3', manufacturer: 'Acme', model: 'AG-1', firmwareVersion: '2.4', serialNumber: 'S-93' },
    });

    const created = await run([
      'incident',
      'create',
      '--org',
      org,
      '--title',
      '搬送車の不審な通信',
      '--severity',
      'high',
      '--occurred-at',
      '2026-12-01T08:00:00Z',
      '--detected-at',
      '2026-12-01T09:00:00Z',
      '--system',
      systemId,
      '--device',
      deviceId,
    ]);
    expect(created.code).toBe(0);
    const [id, reference] = created.out.split('\t');
    expect(reference).toBe('INC-0001');

    const listed = await run(['incident', 'list', '--org', org, '--severity', 'high']);
    expect(listed.out).toContain(`INC-0001\t${id}\tdetected\thigh`);
    expect((await run(['incident', 'list', '--org', org, '--severity', 'low'])).out).toBe('No incidents.');

    const nothing = await run(['incident', 'update', '--org', org, '--id', id!]);
    expect(nothing.code).not.toBe(0);
    expect(nothing.err).toContain('Nothing to change');
    const moved = await run([
      'incident',
      'update',
      '--org',
      org,
      '--id',
      id!,
      '--title',
      '搬送車の不審な通信（続報）',
      '--status',
      'contained',
      '--note',
      '通信を遮断',
    ]);
    expect(moved.code).toBe(0);
    expect(moved.out).toBe(`${id}\tcontained\thigh\tv3\t搬送車の不審な通信（続報）`);
    const back = await run(['incident', 'update', '--org', org, '--id', id!, '--status', 'triaged']);
    expect(back.code).not.toBe(0);

    const badLessons = join(dir, 'bad-lessons.json');
    writeFileSync(badLessons, JSON.stringify([{ itemId: 'jssec-v2:57', lesson: 5 }]));
    const refused = await run(['incident', 'close', '--org', org, '--id', id!, '--lessons', badLessons]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('--lessons[0].lesson');
    expect(refused.err).toContain('--lessons[0].recommendation');
    const lessons = join(dir, 'lessons.json');
    writeFileSync(
      lessons,
      JSON.stringify([
        { itemId: 'jssec-v2:57', lesson: LESSON, recommendation: '経路を台帳に登録する', owner: '佐藤' },
      ]),
    );
    const closed = await run(['incident', 'close', '--org', org, '--id', id!, '--lessons', lessons]);
    expect(closed.code).toBe(0);
    expect(closed.out).toContain(`${id}\tclosed`);

    const shown = await run(['incident', 'show', '--org', org, '--id', id!], 'ja');
    expect(shown.out).toContain('AGV-3\t');
    expect(shown.out).toContain('S-93');
    expect(shown.out).toContain('通信を遮断');
    expect(shown.out).toContain('教訓');
    expect(shown.out).toContain(LESSON);

    const pdf = join(dir, 'incident.pdf');
    const exported = await run(['incident', 'export', '--org', org, '--id', id!, '--format', 'pdf', '-o', pdf], 'ja');
    expect(exported.code).toBe(0);
    expect(exported.err).toContain(`${pdf}に書き出しました。`);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext) {
      const text = squeeze(pdfText(bytes));
      expect(text).toContain(squeeze(INCIDENT_REPORT_TEXT.ja.devices));
      expect(text).toContain('S-93');
      expect(text).toContain(squeeze(LESSON));
    }

    const csv = join(dir, 'timeline.csv');
    expect((await run(['incident', 'export', '--org', org, '--id', id!, '--format', 'csv', '-o', csv])).code).toBe(0);
    const rows = readFileSync(csv, 'utf8');
    expect(rows.startsWith('\ufeffseq,at,actor,kind,body')).toBe(true);
    expect(rows).toContain('通信を遮断');

    const noFile = await run(['incident', 'export', '--org', org, '--id', id!, '--format', 'pdf']);
    expect(noFile.code).not.toBe(0);
    expect(noFile.err).toContain('Name the file to write with -o.');
    const missing = join(dir, 'missing.pdf');
    const unknown = await run(['incident', 'export', '--org', org, '--id', 'no-such-id', '-o', missing]);
    expect(unknown.code).not.toBe(0);
    expect(existsSync(missing)).toBe(false);
  });
});
