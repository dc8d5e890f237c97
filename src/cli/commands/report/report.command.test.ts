import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { seedExchangeAssessment } from '../../../testing/seed-exchange-assessment';
import { createTestAssessmentDeps, seedAssessment, seedAssessmentTeam } from '../../../testing/test-assessments';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';
import { createTestEvidenceSetup } from '../../../testing/test-evidence';

describeEachDialect('iotcheck report csv / oscal, catalog export --format oscal', (database) => {
  const cli = createCliRunner(database, 'report-cli');
  const { dir, run } = cli;
  const evidence = () => createTestEvidenceSetup(database());
  const cleanUps: (() => void)[] = [() => cli.cleanUp()];
  afterAll(() => cleanUps.forEach((cleanUp) => cleanUp()));
  const seed = async () => {
    const setup = evidence();
    cleanUps.push(() => setup.cleanUp());
    return seedExchangeAssessment(database(), createTestAssessmentDeps(database()), setup.deps);
  };

  it('writes CSV to standard output or, with -o, to a file, in the language asked for', async () => {
    const { team, assessmentId } = await seed();
    const org = team.organisationId;
    const stdout = await run(['report', 'csv', '--org', org, '--assessment', assessmentId, '--kind', 'answers']);
    expect(stdout.code).toBe(0);
    expect(stdout.written.startsWith('\ufeffNo.,機能,カテゴリ,項目,結果,')).toBe(true);
    expect(stdout.written.split('\r\n')).toHaveLength(62);

    const file = join(dir, 'findings.csv');
    const written = await run(
      ['report', 'csv', '--org', org, '--assessment', assessmentId, '--kind', 'findings', '--lang', 'en', '-o', file],
      'ja',
    );
    expect(written).toMatchObject({ code: 0, written: '', err: `${file}に書き出しました。` });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeffNo.,Item,Finding,Impact,Recommendation,')).toBe(true);
    expect(text).toContain("'@台帳の更新が遅れている");

    const evidenceCsv = await run(['report', 'csv', '--org', org, '--assessment', assessmentId, '--kind', 'evidence']);
    expect(evidenceCsv.written.split('\r\n').filter((line) => line !== '')).toHaveLength(5);
  });

  it('writes OSCAL assessment results and a POA&M; refuses a POA&M without open findings', async () => {
    const { team, assessmentId } = await seed();
    const org = team.organisationId;
    const file = join(dir, 'ar.json');
    const results = await run([
      'report',
      'oscal',
      '--org',
      org,
      '--assessment',
      assessmentId,
      '--kind',
      'assessment-results',
      '-o',
      file,
    ]);
    expect(results.code).toBe(0);
    const document = JSON.parse(readFileSync(file, 'utf8'));
    expect(document['assessment-results'].metadata['oscal-version']).toBe('1.1.3');
    expect(document['assessment-results'].results[0].findings).toHaveLength(3);

    const poam = await run([
      'report',
      'oscal',
      '--org',
      org,
      '--assessment',
      assessmentId,
      '--kind',
      'poam',
      '--lang',
      'en',
    ]);
    expect(poam.code).toBe(0);
    expect(JSON.parse(poam.written)['plan-of-action-and-milestones']['poam-items']).toHaveLength(2);

    const empty = await seedAssessmentTeam(database(), 'Empty');
    const fresh = await seedAssessment(createTestAssessmentDeps(database()), empty.owner);
    const refused = await run(
      ['report', 'oscal', '--org', empty.organisationId, '--assessment', fresh.assessmentId, '--kind', 'poam'],
      'ja',
    );
    expect(refused.code).toBe(65);
    expect(refused.err).toContain('未対応の指摘がないため');
    expect((await run(['report', 'oscal', '--org', org, '--assessment', assessmentId, '--kind', 'ssp'])).code).toBe(64);
    expect((await run(['report', 'oscal', '--org', org, '--assessment', 'nope', '--kind', 'poam'])).code).toBe(66);
  });

  it('exports a framework as an OSCAL catalog and keeps the other formats', async () => {
    const oscal = await run(['catalog', 'export', '--framework', 'nist-csf-2.0', '--format', 'oscal', '--lang', 'en']);
    expect(oscal.code).toBe(0);
    const document = JSON.parse(oscal.written);
    expect(document.catalog.metadata['oscal-version']).toBe('1.1.3');
    expect(document.catalog.groups.map((group: { id: string }) => group.id)).toEqual([
      'nist-csf-2.0_GV',
      'nist-csf-2.0_ID',
      'nist-csf-2.0_PR',
      'nist-csf-2.0_DE',
      'nist-csf-2.0_RS',
      'nist-csf-2.0_RC',
    ]);
    const file = join(dir, 'jssec.oscal.json');
    expect((await run(['catalog', 'export', '--framework', 'jssec-v2', '--format', 'oscal', '-o', file])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).catalog.groups[0].title).toBe('識別');
    const csv = await run(['catalog', 'export', '--framework', 'jssec-v2', '--format', 'csv']);
    expect(csv.written.startsWith('\ufeffid,kind,')).toBe(true);
  });
});
