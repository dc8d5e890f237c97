import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCliRunner } from '../../testing/test-cli';
import { describeEachDialect } from '../../testing/test-database';

describeEachDialect('iotcheck system / assessment', (database) => {
  const cli = createCliRunner(database, 'assessment-cli');
  const { dir, run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';

  it('creates a system and an assessment, answers, exports and applies back, compares', async () => {
    const org = firstField((await run(['org', 'create', '--name', '工場'])).out);
    const system = await run(['system', 'create', '--org', org, '--name', '受変電設備', '--criticality', 'critical']);
    expect(system.code).toBe(0);
    const systemId = firstField(system.out);
    expect((await run(['system', 'list', '--org', org])).out).toContain('受変電設備\tcritical');

    const created = await run(['assessment', 'create', '--org', org, '--system', systemId, '--title', 'FY2026 点検']);
    expect(created.code).toBe(0);
    const assessmentId = firstField(created.out);
    const answered = await run(
      [
        'assessment',
        'answer',
        '--org',
        org,
        '--id',
        assessmentId,
        '--item',
        '25',
        '--result',
        'partial',
        '--comment',
        '3 台未対応',
      ],
      'ja',
    );
    expect(answered).toMatchObject({ code: 0, out: 'jssec-v2:25: 一部実施（バージョン 1）' });
    const again = await run([
      'assessment',
      'answer',
      '--org',
      org,
      '--id',
      assessmentId,
      '--item',
      '25',
      '--result',
      'implemented',
    ]);
    expect(again.out).toBe('jssec-v2:25: implemented (version 2)');
    const stale = await run([
      'assessment',
      'answer',
      '--org',
      org,
      '--id',
      assessmentId,
      '--item',
      '25',
      '--result',
      'partial',
      '--expect-version',
      '1',
    ]);
    expect(stale.code).toBe(75);

    const exported = await run(['assessment', 'export', '--org', org, '--id', assessmentId]);
    expect(exported.code).toBe(0);
    const file = join(dir, 'a.json');
    writeFileSync(file, exported.written);
    expect((await run(['assessment', 'apply', file, '--org', org])).out).toBe(
      `Updated assessment ${assessmentId}: 0 changed, 60 unchanged.`,
    );

    const yamlFile = join(dir, 'vendor.yaml');
    writeFileSync(
      yamlFile,
      [
        'iotcheck: assessment/v1',
        'assessment:',
        `  systemId: ${systemId}`,
        '  title: ベンダー回答',
        '  frameworkId: jssec-v2',
        'answers:',
        '  - item: 25',
        '    result: partial',
        '  - item: "26"',
        '    result: implemented',
        '',
      ].join('\n'),
    );
    const applied = await run(['assessment', 'apply', yamlFile, '--org', org]);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/^Created assessment \S+: 2 changed, 0 unchanged\.$/);
    const vendorId = /assessment (\S+):/.exec(applied.out)?.[1] ?? '';

    const shown = await run(['assessment', 'show', '--org', org, '--id', vendorId]);
    expect(shown.out).toContain('jssec-v2:26\timplemented\topen\tv1');
    const compared = await run(['assessment', 'compare', '--org', org, '--id', vendorId, '--with', assessmentId]);
    expect(compared.out).toContain('jssec-v2:25\tpartial → implemented\timproved');
    expect(compared.out).toContain('1 improved, 1 worse, 0 changed applicability, 58 unchanged');
    const listed = await run(['assessment', 'list', '--org', org]);
    expect(listed.out.split('\n')).toHaveLength(2);
  });

  it('prints every problem of a bad document with its path, exits 65 and applies nothing', async () => {
    const org = firstField((await run(['org', 'create', '--name', 'Plant'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', 'HVAC', '--criticality', 'supporting'])).out,
    );
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'iotcheck: assessment/v1',
        'assessment:',
        `  systemId: ${systemId}`,
        '  title: 壊れた回答',
        '  frameworkId: jssec-v2',
        'answers:',
        '  - item: 99',
        '    result: implemented',
        '  - item: 3',
        '    result: not_applicable',
        '  - item: 4',
        '    result: sure',
        '',
      ].join('\n'),
    );
    const result = await run(['assessment', 'apply', file, '--org', org]);
    expect(result.code).toBe(65);
    expect(result.err).toContain(`${file}: answers[2].result:`);
    expect(result.err).toContain(`${file}: answers[0].item: 99 is not an item of jssec-v2`);
    expect(result.err).toContain(`${file}: answers[1].justification: not_applicable needs a justification`);
    expect((await run(['assessment', 'list', '--org', org])).out).toBe('There are no assessments yet.');

    writeFileSync(join(dir, 'broken.json'), '{ "iotcheck": ');
    const broken = await run(['assessment', 'apply', join(dir, 'broken.json'), '--org', org]);
    expect(broken.code).toBe(65);
    expect(broken.err).toContain('broken.json');
  });

  it('refuses to apply an export over answers saved since (exit 75, per item), unless --force', async () => {
    const org = firstField((await run(['org', 'create', '--name', 'Stale'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', '照明', '--criticality', 'supporting'])).out,
    );
    const id = firstField(
      (await run(['assessment', 'create', '--org', org, '--system', systemId, '--title', 't'])).out,
    );
    const answer = (result: string) =>
      run(['assessment', 'answer', '--org', org, '--id', id, '--item', '25', '--result', result]);
    expect((await answer('partial')).code).toBe(0);
    const file = join(dir, 'stale.json');
    const exported = await run(['assessment', 'export', '--org', org, '--id', id, '--output', file]);
    expect(exported.code).toBe(0);
    expect((await answer('implemented')).out).toBe('jssec-v2:25: implemented (version 2)');

    const refused = await run(['assessment', 'apply', file, '--org', org], 'ja');
    expect(refused.code).toBe(75);
    expect(refused.err).toContain('の書き出し後に変更された回答があります');
    expect(refused.err).toContain(`${file}: answers[24].version: jssec-v2:25 changed since the export`);
    const shown = async () => (await run(['assessment', 'show', '--org', org, '--id', id])).out;
    expect(await shown()).toContain('jssec-v2:25\timplemented\topen\tv2');

    const forced = await run(['assessment', 'apply', file, '--org', org, '--force']);
    expect(forced).toMatchObject({ code: 0, out: `Updated assessment ${id}: 1 changed, 59 unchanged.` });
    expect(await shown()).toContain('jssec-v2:25\tpartial\topen\tv3');
  });

  it('names an unknown organisation and refuses --server', async () => {
    const unknown = await run(['system', 'list', '--org', 'no-such-org']);
    expect(unknown.code).toBe(66);
    expect(unknown.err).toContain('no-such-org');
    expect((await run(['--server', 'http://127.0.0.1:1', 'assessment', 'list', '--org', 'x'])).code).toBe(65);
  });
});
