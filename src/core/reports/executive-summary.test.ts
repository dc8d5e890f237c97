import { describe, expect, it } from 'vitest';
import type { GroupScore } from '../assessment/scoring';
import { executiveSummary } from './executive-summary';
import type { ManagementReport } from './management-report.types';

const score = (value: number | null, level: number): GroupScore => ({
  items: 10,
  applicable: 10,
  answered: 10,
  implemented: 5,
  partial: 0,
  notImplemented: 5,
  notApplicable: 0,
  unanswered: 0,
  score: value,
  completion: 1,
  level,
});

const base: ManagementReport = {
  generatedAt: '2026-12-02T00:00:00.000Z',
  organisationName: 'Plant',
  system: { name: 'HVAC', criticality: 'critical', ownerName: '' },
  assessment: {
    id: 'a',
    title: 'FY2026',
    status: 'in_progress',
    periodStart: null,
    periodEnd: null,
    frameworkTitle: { ja: 'チェックシート', en: 'Checksheet' },
    frameworkVersion: '2.0',
  },
  overall: { ...score(0.62, 3), items: 60, answered: 58 },
  functions: [
    { code: 'ID', title: { ja: '識別', en: 'Identify' }, score: score(0.8, 4) },
    { code: 'RS', title: { ja: '対応', en: 'Respond' }, score: score(0.25, 1) },
  ],
  categories: [],
  previous: null,
  topGaps: [],
  gapCount: 0,
  findings: { open: 5, openHigh: 2, overdue: 1 },
  overdueItems: 3,
  evidence: { itemsClaimed: 20, itemsWithEvidence: 15, records: 18, expired: 0 },
  items: [],
};

describe('executive summary', () => {
  it('states the overall score, the weakest function and the open high-priority findings in Japanese', () => {
    const text = executiveSummary(base, 'ja').join('\n');
    expect(text).toContain('総合スコアは 62%（レベル 3 / 4）で、全 60 項目のうち 58 項目に回答済みです。');
    expect(text).toContain('最も弱い機能は「対応（RS）」で 25%');
    expect(text).toContain('未解決の指摘は 5 件あり、そのうち優先度「高」は 2 件です。');
    expect(text).toContain('期限を過ぎた項目が 3 件、期限を過ぎた指摘が 1 件');
    expect(text).toContain('15 項目（75%）');
    expect(text).toContain('今回の結果が今後の比較の基準');
  });

  it('says how the score moved since the previous assessment, in English', () => {
    const report = {
      ...base,
      previous: {
        assessmentId: 'p',
        title: 'FY2025',
        createdAt: '',
        overallScore: 0.5,
        improvedItems: 7,
        worseItems: 1,
      },
    };
    const text = executiveSummary(report, 'en').join('\n');
    expect(text).toContain('The overall score is 62% (level 3 of 4), with 58 of 60 items answered.');
    expect(text).toContain('The weakest function is Respond (RS) at 25%');
    expect(text).toContain('the overall score rose by 12 points (7 items improved, 1 worse)');
    expect(text).toContain('3 items and 1 finding are past their due date');
  });

  it('says plainly when nothing is open or overdue', () => {
    const calm = { ...base, findings: { open: 0, openHigh: 0, overdue: 0 }, overdueItems: 0 };
    expect(executiveSummary(calm, 'en')).toContain('There are no open findings.');
    expect(executiveSummary(calm, 'ja')).toContain('期限を過ぎた項目や指摘はありません。');
  });
});
