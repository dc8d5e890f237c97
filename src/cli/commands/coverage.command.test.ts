import { afterAll, expect, it } from 'vitest';
import { createCliRunner } from '../../testing/test-cli';
import { describeEachDialect } from '../../testing/test-database';

describeEachDialect('iotcheck crosswalk export / assessment coverage', (database) => {
  const cli = createCliRunner(database, 'coverage-cli');
  const { run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';

  it('exports a crosswalk as JSON and CSV', async () => {
    const json = await run(['crosswalk', 'export', '--from', 'jssec-v2', '--to', 'nist-csf-2.0', '--format', 'json']);
    expect(json.code).toBe(0);
    const body = JSON.parse(json.written) as { from: string; to: string; links: { source: string; target: string }[] };
    expect(body).toMatchObject({ from: 'jssec-v2', to: 'nist-csf-2.0' });
    expect(body.links).toContainEqual(
      expect.objectContaining({ source: '23', target: 'PR.PS-01', relationship: 'subset' }),
    );
    const csv = await run(['crosswalk', 'export', '--from', 'jssec-v2', '--to', 'nist-csf-2.0', '--format', 'csv']);
    expect(csv.written.split('\r\n')[0]).toContain('from,source,to,target,relationship');
    expect((await run(['crosswalk', 'export', '--from', 'jssec-v2', '--to', 'nope'])).code).not.toBe(0);
  });

  it('prints the coverage of CSF 2.0 and its gaps as JSON', async () => {
    const org = firstField((await run(['org', 'create', '--name', 'Plant'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', 'BAS', '--criticality', 'important'])).out,
    );
    const assessmentId = firstField(
      (await run(['assessment', 'create', '--org', org, '--system', systemId, '--title', 'FY2026'])).out,
    );
    const answered = await run([
      'assessment',
      'answer',
      '--org',
      org,
      '--id',
      assessmentId,
      '--item',
      '23',
      '--result',
      'implemented',
    ]);
    expect(answered.err).toBe('');
    const coverage = await run([
      'assessment',
      'coverage',
      '--org',
      org,
      '--id',
      assessmentId,
      '--framework',
      'nist-csf-2.0',
      '--json',
    ]);
    expect(coverage.err).toBe('');
    expect(coverage.code).toBe(0);
    const body = JSON.parse(coverage.out) as {
      framework: string;
      items: { id: string; status: string; sources: unknown[] }[];
    };
    expect(body.framework).toBe('nist-csf-2.0');
    expect(body.items.find((item) => item.id === 'PR.PS-01')?.sources).toContainEqual({
      item: '23',
      result: 'implemented',
      relationship: 'subset',
    });
    const gaps = await run([
      'assessment',
      'coverage',
      '--org',
      org,
      '--id',
      assessmentId,
      '--framework',
      'nist-csf-2.0',
      '--gaps',
      '--json',
    ]);
    expect((JSON.parse(gaps.out) as { gaps: unknown[] }).gaps.length).toBeGreaterThan(0);
  });
});
