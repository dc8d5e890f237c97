import type { Language } from '../catalog/catalog.types';
import type { ManagementReport, ReportFunction } from './management-report.types';
import { percent } from './svg-text';

/** The weakest and the strongest function by score (functions without a score are left out). */
function extremes(functions: readonly ReportFunction[]): { weakest?: ReportFunction; strongest?: ReportFunction } {
  const scored = functions.filter((fn) => fn.score.score !== null);
  if (scored.length === 0) return {};
  const sorted = [...scored].sort((a, b) => (a.score.score ?? 0) - (b.score.score ?? 0));
  return { weakest: sorted[0], strongest: sorted[sorted.length - 1] };
}

const points = (before: number | null, after: number | null): number | null =>
  before === null || after === null ? null : Math.round((after - before) * 100);

/**
 * The executive summary in plain words: a few sentences of our own built from the report's
 * numbers (overall score and level, weakest and strongest function, change since the previous
 * assessment, open high-priority findings, overdue work, provider items, evidence), one per entry.
 */
export function executiveSummary(report: ManagementReport, language: Language): string[] {
  const { weakest, strongest } = extremes(report.functions);
  const overall = report.overall;
  const provider = report.items.filter((item) => item.providerQuestion);
  const providerDone = provider.filter((item) => item.result === 'implemented').length;
  const providerOpen = provider.filter(
    (item) => item.result === 'not_implemented' || item.result === 'unanswered',
  ).length;
  const delta = report.previous ? points(report.previous.overallScore, overall.score) : null;
  const coverage = report.evidence;
  const name = (fn: ReportFunction) =>
    language === 'ja' ? `「${fn.title.ja}（${fn.code}）」` : `${fn.title.en} (${fn.code})`;
  const sentences: string[] = [];
  if (language === 'ja') {
    sentences.push(
      `総合スコアは ${percent(overall.score)}（レベル ${overall.level} / 4）で、全 ${overall.items} 項目のうち ${overall.answered} 項目に回答済みです。`,
    );
    if (weakest && strongest && weakest !== strongest)
      sentences.push(
        `最も弱い機能は${name(weakest)}で ${percent(weakest.score.score)}、最も強い機能は${name(strongest)}で ${percent(strongest.score.score)} です。`,
      );
    if (!report.previous)
      sentences.push('同じシステムの過去の評価はないため、今回の結果が今後の比較の基準になります。');
    else if (delta !== null)
      sentences.push(
        `前回の評価「${report.previous.title}」と比べて総合スコアは${delta === 0 ? '横ばいです' : delta > 0 ? ` ${delta} ポイント上がりました` : ` ${-delta} ポイント下がりました`}（改善 ${report.previous.improvedItems} 項目、悪化 ${report.previous.worseItems} 項目）。`,
      );
    sentences.push(
      report.findings.open === 0
        ? '未解決の指摘はありません。'
        : `未解決の指摘は ${report.findings.open} 件あり、そのうち優先度「高」は ${report.findings.openHigh} 件です。`,
    );
    sentences.push(
      report.overdueItems === 0 && report.findings.overdue === 0
        ? '期限を過ぎた項目や指摘はありません。'
        : `期限を過ぎた項目が ${report.overdueItems} 件、期限を過ぎた指摘が ${report.findings.overdue} 件あり、計画の見直しが必要です。`,
    );
    if (provider.length > 0)
      sentences.push(
        `委託先・提供元に関わる ${provider.length} 項目のうち、実施済は ${providerDone} 項目、未実施または未回答は ${providerOpen} 項目です。`,
      );
    if (coverage.itemsClaimed > 0)
      sentences.push(
        `実施済・一部実施と回答した ${coverage.itemsClaimed} 項目のうち、証跡で裏付けられているのは ${coverage.itemsWithEvidence} 項目（${percent(coverage.itemsWithEvidence / coverage.itemsClaimed)}）です。`,
      );
    if (report.gapCount > 0)
      sentences.push(
        `未実施・一部実施の ${report.gapCount} 項目のうち、次ページ以降の「優先して対処すべき課題」の ${report.topGaps.length} 項目から着手することをお勧めします。`,
      );
    return sentences;
  }
  sentences.push(
    `The overall score is ${percent(overall.score)} (level ${overall.level} of 4), with ${overall.answered} of ${overall.items} items answered.`,
  );
  if (weakest && strongest && weakest !== strongest)
    sentences.push(
      `The weakest function is ${name(weakest)} at ${percent(weakest.score.score)}; the strongest is ${name(strongest)} at ${percent(strongest.score.score)}.`,
    );
  if (!report.previous)
    sentences.push(
      'There is no earlier assessment of this system, so this one sets the baseline for later comparisons.',
    );
  else if (delta !== null)
    sentences.push(
      `Compared with the previous assessment “${report.previous.title}”, the overall score ${delta === 0 ? 'is unchanged' : delta > 0 ? `rose by ${delta} points` : `fell by ${-delta} points`} (${report.previous.improvedItems} items improved, ${report.previous.worseItems} worse).`,
    );
  sentences.push(
    report.findings.open === 0
      ? 'There are no open findings.'
      : `${report.findings.open} ${report.findings.open === 1 ? 'finding is' : 'findings are'} open, ${report.findings.openHigh} of them high priority.`,
  );
  sentences.push(
    report.overdueItems === 0 && report.findings.overdue === 0
      ? 'Nothing is past its due date.'
      : `${report.overdueItems} ${report.overdueItems === 1 ? 'item' : 'items'} and ${report.findings.overdue} ${report.findings.overdue === 1 ? 'finding' : 'findings'} are past their due date; the plan needs revisiting.`,
  );
  if (provider.length > 0)
    sentences.push(
      `Of the ${provider.length} items that concern providers, ${providerDone} are implemented and ${providerOpen} are not implemented or not yet answered.`,
    );
  if (coverage.itemsClaimed > 0)
    sentences.push(
      `Of the ${coverage.itemsClaimed} items answered implemented or partial, ${coverage.itemsWithEvidence} (${percent(coverage.itemsWithEvidence / coverage.itemsClaimed)}) are backed by evidence.`,
    );
  if (report.gapCount > 0)
    sentences.push(
      `Of the ${report.gapCount} items not or only partly implemented, we recommend starting with the ${report.topGaps.length} listed under “Gaps to address first”.`,
    );
  return sentences;
}
