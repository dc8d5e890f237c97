import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  OscalAssessmentResultsDocument,
  OscalCatalogDocument,
  OscalControl,
  OscalGroup,
  OscalPoamDocument,
} from '../../core/reports/oscal/oscal.types';
import { oscalSchemaErrors, oscalSchemaMissing } from '../../testing/oscal-schema';
import { seedExchangeAssessment } from '../../testing/seed-exchange-assessment';
import { createTestClock, testCatalog } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedAssessmentTeam,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createTestEvidenceSetup, type TestEvidenceSetup } from '../../testing/test-evidence';
import type { GeneratedReport } from './generated-report';
import { exportAssessmentOscal, exportCatalogOscal, oscalCatalogJson } from './export-oscal';

async function textOf(report: GeneratedReport): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await report.write(sink);
  sink.end();
  return Buffer.concat(chunks).toString('utf8');
}

const controlsOf = (groups: readonly OscalGroup[] | undefined): OscalControl[] =>
  (groups ?? []).flatMap((group) => [
    ...(group.controls ?? []).flatMap((control) => [control, ...(control.controls ?? [])]),
    ...controlsOf(group.groups),
  ]);

/** Asserts a document is valid OSCAL 1.1.3, showing Ajv's errors (path + message) when it is not. */
function expectValidOscal(document: unknown, name: string): void {
  expect({ name, errors: oscalSchemaErrors(document).slice(0, 25) }).toEqual({ name, errors: [] });
}

const validating = oscalSchemaMissing === undefined;
const schemaNote = oscalSchemaMissing ? ` (${oscalSchemaMissing})` : '';

describe('OSCAL catalog export', () => {
  const deps = { catalog: testCatalog() };
  const parse = (frameworkId: string, language: 'ja' | 'en') =>
    JSON.parse(oscalCatalogJson(deps, { frameworkId, language })) as OscalCatalogDocument;

  it('shapes the checksheet: 5 functions, 60 controls with check points, guidance, tags and crosswalk links', () => {
    const { catalog } = parse('jssec-v2', 'ja');
    expect(catalog.groups?.map((group) => group.id)).toEqual([
      'jssec-v2_ID',
      'jssec-v2_PR',
      'jssec-v2_DE',
      'jssec-v2_RS',
      'jssec-v2_RC',
    ]);
    const controls = controlsOf(catalog.groups);
    expect(controls).toHaveLength(60);
    const node = deps.catalog.nodes.get('jssec-v2:25');
    const item = controls.find((control) => control.id === 'jssec-v2_25');
    expect(item?.title).toBe(node?.title.ja);
    const statement = item?.parts?.find((part) => part.name === 'statement');
    expect(statement?.parts?.map((part) => part.prose)).toEqual(
      node?.childIds.map((id) => deps.catalog.nodes.get(id)?.title.ja),
    );
    const guidance = item?.parts?.find((part) => part.name === 'guidance');
    expect(guidance?.parts?.find((part) => part.name === 'why')?.prose).toBe(node?.explanation?.why.ja);
    expect(item?.props).toContainEqual({ name: 'label', value: '25' });
    expect(item?.props).toContainEqual({
      name: 'provider-question',
      ns: 'urn:iotcheck:oscal',
      value: String(node?.tags?.providerQuestion),
    });
    expect(item?.props?.filter((prop) => prop.name === 'verifiable').map((prop) => prop.value)).toEqual(
      node?.tags?.verifiable,
    );
    const link = item?.links?.find((entry) => entry['resource-fragment']?.startsWith('nist-csf-2.0_'));
    const target = catalog['back-matter']?.resources.find((resource) => `#${resource.uuid}` === link?.href);
    expect(target?.props).toContainEqual(expect.objectContaining({ name: 'framework-id', value: 'nist-csf-2.0' }));
    const framework = deps.catalog.frameworks.get('jssec-v2');
    expect(catalog.metadata.props).toContainEqual(
      expect.objectContaining({ name: 'catalog-hash', value: framework?.contentHash }),
    );
    expect(catalog.metadata['last-modified']).toBe('2019-04-01T00:00:00Z');
    expect(catalog.metadata.remarks).toContain(framework?.source.ja);
  });

  it('writes the chosen language, and the same catalog gives the same bytes', async () => {
    const english = oscalCatalogJson(deps, { frameworkId: 'jssec-v2', language: 'en' });
    expect(controlsOf(parse('jssec-v2', 'en').catalog.groups)[0]?.title).toBe(
      deps.catalog.nodes.get('jssec-v2:1')?.title.en,
    );
    expect(oscalCatalogJson({ catalog: testCatalog() }, { frameworkId: 'jssec-v2', language: 'en' })).toBe(english);
    expect(parse('jssec-v2', 'ja').catalog.uuid).not.toBe(parse('jssec-v2', 'en').catalog.uuid);
    const report = exportCatalogOscal(deps, { frameworkId: 'nist-csf-2.0', language: 'en' });
    expect(report.fileName).toBe('iotcheck-oscal-catalog-nist-csf-2.0-en.json');
    expect(await textOf(report)).toBe(oscalCatalogJson(deps, { frameworkId: 'nist-csf-2.0', language: 'en' }));
  });

  it.skipIf(!validating)(
    `validates every framework in ja and en against NIST's complete 1.1.3 schema${schemaNote}`,
    () => {
      // The check itself catches a broken document and says where.
      expect(oscalSchemaErrors({ catalog: { ...parse('jssec-v2', 'en').catalog, uuid: 'not-a-uuid' } })).toEqual([
        expect.stringContaining('/catalog/uuid must match pattern'),
      ]);
      expect(deps.catalog.frameworks.size).toBeGreaterThanOrEqual(3);
      for (const frameworkId of deps.catalog.frameworks.keys())
        for (const language of ['ja', 'en'] as const)
          expectValidOscal(parse(frameworkId, language), `${frameworkId} ${language}`);
    },
  );
});

describeEachDialect('OSCAL assessment exports', (database) => {
  const clock = createTestClock(new Date('2026-11-22T09:00:00.000Z'));
  const deps = () => createTestAssessmentDeps(database(), clock);
  const setups: TestEvidenceSetup[] = [];
  const seed = () => {
    const setup = createTestEvidenceSetup(database(), { clock });
    setups.push(setup);
    return seedExchangeAssessment(database(), deps(), setup.deps);
  };
  afterAll(() => setups.forEach((setup) => setup.cleanUp()));

  const exportOf = async (input: Parameters<typeof exportAssessmentOscal>[1]) => {
    const report = await exportAssessmentOscal(deps(), input);
    return { report, text: await textOf(report) };
  };

  it('writes assessment results: every item reviewed, observations with evidence, conclusions and risks', async () => {
    const seeded = await seed();
    const { report, text } = await exportOf({
      actor: seeded.team.viewer,
      assessmentId: seeded.assessmentId,
      kind: 'assessment-results',
    });
    expect(report.fileName).toBe(`iotcheck-oscal-assessment-results-${seeded.assessmentId.slice(0, 8)}-20261122.json`);
    expect(report.mediaType).toBe('application/json');
    const document = (JSON.parse(text) as OscalAssessmentResultsDocument)['assessment-results'];
    const result = document.results[0];
    expect(result?.['reviewed-controls']['control-selections'][0]?.['include-controls']).toHaveLength(60);
    expect(result?.observations?.map((observation) => observation.title.split(' ')[0])).toEqual([
      'No.1',
      'No.2',
      'No.25',
      'No.30',
    ]);
    const first = result?.observations?.[0];
    expect(first?.description).toBe('実施済\n\n台帳あり\n毎月更新');
    expect(first?.['relevant-evidence']?.map((entry) => entry.description).sort()).toEqual(['+設定手順', '機器台帳']);
    const na = result?.observations?.[3];
    expect(na?.remarks).toBe('対象外の理由: 無線は使っていない');
    expect(
      result?.findings?.map((finding) => [
        finding.title.split(' ')[0],
        finding.target.status.state,
        finding.target['target-id'],
      ]),
    ).toEqual([
      ['No.1', 'satisfied', 'jssec-v2_1_smt'],
      ['No.2', 'not-satisfied', 'jssec-v2_2_smt'],
      ['No.25', 'not-satisfied', 'jssec-v2_25_smt'],
    ]);
    // Findings with an impact or recommendation are risks (the bare one is not); a resolved one is closed.
    const titleOf = (id: string) => deps().catalog.nodes.get(id)?.title.ja ?? '';
    expect(result?.risks?.map((risk) => [risk.title, risk.status]).sort()).toEqual([
      [`No.1 ${titleOf('jssec-v2:1')}: 旧台帳が残っていた`, 'closed'],
      [`No.25 ${titleOf('jssec-v2:25')}: 初期パスワードのまま運用`, 'open'],
    ]);
    const risk = result?.risks?.find((entry) => entry.status === 'open');
    expect(risk?.statement).toBe('遠隔から乗っ取られる');
    expect(risk?.remediations?.[0]?.description).toBe('機器ごとに固有のパスワードへ変更する');
    expect(risk?.deadline).toBe('2026-12-31T00:00:00Z');
    expect(result?.findings?.[2]?.['related-risks']).toEqual([{ 'risk-uuid': risk?.uuid }]);
    // import-ap points at a back-matter resource that describes the plan iotcheck keeps.
    const plan = document['back-matter']?.resources.find(
      (resource) => `#${resource.uuid}` === document['import-ap'].href,
    );
    expect(plan?.props).toContainEqual(expect.objectContaining({ name: 'assessment-id', value: seeded.assessmentId }));
    const fileResource = document['back-matter']?.resources.find((resource) => resource.title === '機器台帳');
    expect(fileResource?.props).toContainEqual(
      expect.objectContaining({ name: 'sha256', value: seeded.evidence.file.sha256 }),
    );
    const linkResource = document['back-matter']?.resources.find((resource) => resource.title === '+設定手順');
    expect(linkResource?.rlinks?.[0]?.href).toBe('https://wiki.example.jp/iot/%E6%89%8B%E9%A0%86%201');
    if (validating) expectValidOscal(JSON.parse(text), 'assessment-results ja');
  });

  it('writes a POA&M of the open findings that shares UUIDs with the assessment results', async () => {
    const seeded = await seed();
    const input = { actor: seeded.team.viewer, assessmentId: seeded.assessmentId, language: 'en' as const };
    const poam = (JSON.parse((await exportOf({ ...input, kind: 'poam' })).text) as OscalPoamDocument)[
      'plan-of-action-and-milestones'
    ];
    const results = (
      JSON.parse((await exportOf({ ...input, kind: 'assessment-results' })).text) as OscalAssessmentResultsDocument
    )['assessment-results'];
    const findingIdOf = (item: (typeof poam)['poam-items'][number]) =>
      item.props?.find((prop) => prop.name === 'finding-id')?.value;
    expect(poam['poam-items'].map(findingIdOf).sort()).toEqual(
      [seeded.findings.open.id, seeded.findings.bare.id].sort(),
    );
    const open = poam['poam-items'].find((item) => findingIdOf(item) === seeded.findings.open.id);
    const bare = poam['poam-items'].find((item) => findingIdOf(item) === seeded.findings.bare.id);
    expect(open?.description).toBe(
      '初期パスワードのまま運用\n全 12 台\n\nImpact: 遠隔から乗っ取られる\n\nRecommendation: 機器ごとに固有のパスワードへ変更する',
    );
    expect(open?.props).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'priority', value: 'high' }),
        expect.objectContaining({ name: 'owner', value: '設備課 山田' }),
        expect.objectContaining({ name: 'due', value: '2026-12-31' }),
      ]),
    );
    expect(bare?.['related-risks']).toBeUndefined();
    expect(open?.origins?.[0]?.actors[0]?.['actor-uuid']).toBe(poam.metadata.parties?.[0]?.uuid);
    const observationUuids = results.results[0]?.observations?.map((observation) => observation.uuid) ?? [];
    expect(observationUuids).toContain(open?.['related-observations']?.[0]?.['observation-uuid']);
    expect(results.results[0]?.risks?.map((risk) => risk.uuid)).toContain(open?.['related-risks']?.[0]?.['risk-uuid']);
    expect(poam.metadata.title).toContain('Plan of action and milestones');
    if (validating) {
      expectValidOscal(poam && { 'plan-of-action-and-milestones': poam }, 'poam en');
      expectValidOscal({ 'assessment-results': results }, 'assessment-results en');
    }
  });

  it('gives the same document for the same data, refuses an empty POA&M, and keeps tenants apart', async () => {
    const seeded = await seed();
    const input = { actor: seeded.team.viewer, assessmentId: seeded.assessmentId, kind: 'assessment-results' as const };
    const first = (await exportOf(input)).text;
    clock.advance(86_400_000);
    expect((await exportOf(input)).text).toBe(first);

    const empty = await seedAssessmentTeam(database(), 'Empty');
    const { assessmentId } = await seedAssessment(deps(), empty.owner);
    const refused = await domainErrorOf(
      exportAssessmentOscal(deps(), { actor: empty.viewer, assessmentId, kind: 'poam' }),
    );
    expect([refused.code, refused.details]).toEqual([
      'VALIDATION_FAILED',
      [{ field: 'kind', reason: 'no open findings' }],
    ]);
    // A fresh assessment has nothing answered, yet its results still validate (no empty arrays).
    const bare = JSON.parse((await exportOf({ actor: empty.viewer, assessmentId, kind: 'assessment-results' })).text);
    expect(bare['assessment-results'].results[0].observations).toBeUndefined();
    if (validating) expectValidOscal(bare, 'empty assessment-results');

    const foreign = await domainErrorOf(exportAssessmentOscal(deps(), { ...input, actor: empty.viewer }));
    expect(foreign.code).toBe('NOT_FOUND');
  });
});
