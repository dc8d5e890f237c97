import { describe, expect, it } from 'vitest';
import type { GroupScore } from '../../../core/assessment/scoring';
import type { ManagementReport } from '../../../core/reports/management-report.types';
import { managementReportLayout } from './management-report-layout';

const score: GroupScore = {
  items: 2,
  applicable: 2,
  answered: 2,
  implemented: 1,
  partial: 0,
  notImplemented: 1,
  notApplicable: 0,
  unanswered: 0,
  score: 0.5,
  completion: 1,
  level: 2,
};

const report: ManagementReport = {
  generatedAt: '2026-12-02T09:00:00.000Z',
  organisationName: 'Plant & <Co>',
  system: { name: 'HVAC', criticality: 'important', ownerName: 'Sato' },
  assessment: {
    id: 'a',
    title: 'FY2026',
    status: 'done',
    periodStart: '2026-10-01',
    periodEnd: null,
    frameworkTitle: { ja: 'チェックシート', en: 'Checksheet' },
    frameworkVersion: '2.0',
  },
  overall: score,
  functions: [{ code: 'ID', title: { ja: '識別', en: 'Identify' }, score }],
  categories: [{ code: 'ID.AM', functionCode: 'ID', title: { ja: '資産管理 <A&B>', en: 'Asset <A&B>' }, score }],
  previous: null,
  topGaps: [],
  gapCount: 0,
  findings: { open: 0, openHigh: 0, overdue: 0 },
  overdueItems: 0,
  evidence: { itemsClaimed: 1, itemsWithEvidence: 1, records: 1, expired: 0 },
  items: [
    {
      itemId: 'jssec-v2:1',
      code: '1',
      functionCode: 'ID',
      categoryCode: 'ID.AM',
      title: { ja: '守りたい機能を明確にする', en: 'Identify what to protect' },
      result: 'implemented',
      providerQuestion: true,
      overdue: false,
      dueDate: null,
      openFindings: 0,
      comment: 'ひとこと',
      justification: '',
      checks: [{ title: { ja: '機能を明確にする', en: 'Functions' }, done: true }],
      evidence: [{ title: '台帳', evidenceDate: '2026-11-01', validUntil: null }],
    },
  ],
};

/** Every svg string and every text run of a pdfmake definition, found by walking it. */
function collect(node: unknown, into: { svgs: string[]; texts: string[] }): typeof into {
  if (typeof node === 'string') into.texts.push(node);
  else if (Array.isArray(node)) node.forEach((child) => collect(child, into));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'svg' && typeof value === 'string') into.svgs.push(value);
      else collect(value, into);
    }
  return into;
}

describe('management report layout', () => {
  it('is A4 portrait with the two charts as SVG, labels escaped', () => {
    const definition = managementReportLayout(report, { language: 'en', detailed: false });
    expect(definition.pageSize).toBe('A4');
    expect(definition.pageOrientation).toBe('portrait');
    const { svgs } = collect(definition.content, { svgs: [], texts: [] });
    expect(svgs).toHaveLength(2);
    expect(svgs.join('')).toContain('Asset &lt;A&amp;B&gt;');
    expect(svgs.every((svg) => svg.includes('font-family="NotoSansJP"'))).toBe(true);
  });

  it('leaves the charts out for the baseline and adds the item details only when detailed', () => {
    const plain = collect(managementReportLayout(report, { language: 'ja', detailed: false, charts: false }).content, {
      svgs: [],
      texts: [],
    });
    expect(plain.svgs).toEqual([]);
    expect(plain.texts.join('')).not.toContain('ひとこと');
    const detailed = collect(managementReportLayout(report, { language: 'ja', detailed: true }).content, {
      svgs: [],
      texts: [],
    }).texts.join('\n');
    expect(detailed).toContain('ひとこと');
    expect(detailed).toContain('機能を明確にする');
    expect(detailed).toContain('台帳（2026-11-01）');
  });

  it('puts the page number and the generation date in the footer', () => {
    const definition = managementReportLayout(report, { language: 'ja', detailed: false });
    const footer =
      typeof definition.footer === 'function' ? definition.footer(2, 9, { width: 0, height: 0 } as never) : null;
    const texts = collect(footer, { svgs: [], texts: [] }).texts.join(' ');
    expect(texts).toContain('2 / 9 ページ');
    expect(texts).toContain('2026-12-02');
  });
});
