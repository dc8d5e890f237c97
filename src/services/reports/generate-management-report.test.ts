import { describe, expect, it } from 'vitest';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import { MANAGEMENT_REPORT_TEXT } from '../../core/reports/management-report-text';
import { pdfText, pdftotextAvailable, reportBytes, squeeze } from '../../testing/pdf-text';
import { seedReportAssessment } from '../../testing/seed-report-assessment';
import { testCatalog } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessmentTeam,
  seedMemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { buildManagementReport } from './build-management-report';
import { generateManagementReport } from './generate-management-report';

const catalog = testCatalog();
const items = listFrameworkItems(catalog, 'jssec-v2');
const titles = (language: 'ja' | 'en') => items.map((item) => catalog.nodes.get(item.itemId)?.title[language] ?? '');
const hasPdftotext = pdftotextAvailable();

describeEachDialect('management report', (database) => {
  const deps = () => createTestAssessmentDeps(database());

  it('gathers scores, levels, the previous run, ranked gaps with findings, provider items and evidence', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId, previousId } = await seedReportAssessment(deps(), team.owner);
    const report = await buildManagementReport(deps(), { actor: team.viewer, assessmentId });
    expect(report.items).toHaveLength(60);
    expect(report.items.every((item) => item.result !== 'unanswered')).toBe(true);
    expect(report.functions.map((fn) => fn.code)).toEqual(['ID', 'PR', 'DE', 'RS', 'RC']);
    expect(report.categories.length).toBeGreaterThan(15);
    expect(report.functions.every((fn) => fn.score.level >= 0 && fn.score.level <= 4)).toBe(true);
    expect(report.previous?.assessmentId).toBe(previousId);
    expect(report.previous?.improvedItems).toBeGreaterThan(0);
    expect(report.functions[0]?.change).toBeDefined();
    expect(report.topGaps.length).toBeGreaterThan(0);
    const ranks = report.topGaps.map((gap) => gap.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(report.topGaps.some((gap) => gap.findings.some((finding) => finding.ownerName !== ''))).toBe(true);
    expect(report.items.filter((item) => item.providerQuestion)).toHaveLength(20);
    expect(report.findings.open).toBe(12);
    expect(report.evidence.records).toBe(12);
    expect(report.evidence.itemsWithEvidence).toBeLessThanOrEqual(report.evidence.itemsClaimed);
    expect(report.items.find((item) => item.evidence.length > 0)?.evidence[0]?.title).toMatch(/点検記録/);
  });

  describe.skipIf(!hasPdftotext)('as PDF text (pdftotext)', () => {
    it('has the Japanese headings and all 60 item titles in the ja PDF, with the fonts embedded', async () => {
      const team = await seedAssessmentTeam(database());
      const { assessmentId } = await seedReportAssessment(deps(), team.owner);
      const progress: number[] = [];
      const report = await generateManagementReport(deps(), {
        actor: team.viewer,
        assessmentId,
        language: 'ja',
        detailed: false,
        onProgress: (fraction) => progress.push(fraction),
      });
      expect(report.mediaType).toBe('application/pdf');
      expect(report.fileName).toMatch(/^iotcheck-report-[0-9a-z-]{8}-\d{8}\.pdf$/);
      expect(progress.at(-1)).toBe(1);
      const bytes = await reportBytes(report);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
      const text = squeeze(pdfText(bytes));
      const ja = MANAGEMENT_REPORT_TEXT.ja;
      for (const heading of [ja.title, ja.summary, ja.scoresByFunction, ja.scoresByCategory, ja.topGaps, ja.appendix])
        expect(text).toContain(squeeze(heading));
      expect(text).toContain('識別');
      const missing = titles('ja').filter((title) => !text.includes(squeeze(title)));
      expect(missing).toEqual([]);
    });

    it('has the English headings and all 60 item titles in the en PDF', async () => {
      const team = await seedAssessmentTeam(database());
      const { assessmentId } = await seedReportAssessment(deps(), team.owner);
      const report = await generateManagementReport(deps(), {
        actor: team.owner,
        assessmentId,
        language: 'en',
        detailed: false,
      });
      const text = squeeze(pdfText(await reportBytes(report)));
      const en = MANAGEMENT_REPORT_TEXT.en;
      for (const heading of [en.title, en.summary, en.scoresByFunction, en.topGaps, en.providerItems, en.appendix])
        expect(text).toContain(squeeze(heading));
      const missing = titles('en').filter((title) => !text.includes(squeeze(title)));
      expect(missing).toEqual([]);
    });

    it('adds each answer’s comment, check points and evidence in the detailed variant only', async () => {
      const team = await seedAssessmentTeam(database());
      const { assessmentId } = await seedReportAssessment(deps(), team.owner, {
        comment: (code) => (code === '7' ? '保守ベンダーと年次で点検記録を照合済み' : ''),
      });
      const detailed = squeeze(
        pdfText(
          await reportBytes(
            await generateManagementReport(deps(), {
              actor: team.viewer,
              assessmentId,
              language: 'ja',
              detailed: true,
            }),
          ),
        ),
      );
      expect(detailed).toContain('保守ベンダーと年次で点検記録を照合済み');
      expect(detailed).toContain(squeeze(MANAGEMENT_REPORT_TEXT.ja.detailsHeading));
      expect(detailed).toContain('点検記録1');
      const check = catalog.nodes.get(items[0]?.checkIds[0] ?? '')?.title.ja ?? '?';
      expect(detailed).toContain(squeeze(check));
      const plain = squeeze(
        pdfText(
          await reportBytes(
            await generateManagementReport(deps(), {
              actor: team.viewer,
              assessmentId,
              language: 'ja',
              detailed: false,
            }),
          ),
        ),
      );
      expect(plain).not.toContain('保守ベンダーと年次で点検記録を照合済み');
    });
  });

  it('refuses a reader of another organisation and a provider of the same one', async () => {
    const team = await seedAssessmentTeam(database());
    const { assessmentId } = await seedReportAssessment(deps(), team.owner);
    const outsider = await seedAssessmentTeam(database(), 'Elsewhere');
    const input = { assessmentId, language: 'ja' as const, detailed: false };
    expect((await domainErrorOf(generateManagementReport(deps(), { ...input, actor: outsider.owner }))).code).toBe(
      'NOT_FOUND',
    );
    const provider = await seedMemberActor(database(), team.organisationId, 'provider');
    expect((await domainErrorOf(generateManagementReport(deps(), { ...input, actor: provider }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
