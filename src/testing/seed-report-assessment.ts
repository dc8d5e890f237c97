import type { AnswerResult, Priority } from '../core/assessment/assessment.types';
import { listFrameworkItems } from '../core/assessment/framework-items';
import type { Actor } from '../core/auth/actor';
import type { AssessmentDeps } from '../services/assessments/assessment-deps';
import { createAssessment } from '../services/assessments/create-assessment';
import { createSystem } from '../services/assessments/create-system';
import { saveAnswersBulk } from '../services/assessments/save-answers-bulk';
import { createEvidenceEntry } from '../services/evidence/create-evidence-entry';
import { linkEvidence } from '../services/evidence/link-evidence';
import { createFinding } from '../services/findings/create-finding';

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (at: Date, offsetDays: number) => new Date(at.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** A deterministic spread of results over the 60 items, weaker in RS/RC as real first runs are. */
function resultOf(index: number, functionCode: string, round: 'previous' | 'current'): AnswerResult {
  const cycle: AnswerResult[] =
    functionCode === 'RS' || functionCode === 'RC'
      ? ['not_implemented', 'partial', 'not_implemented', 'implemented']
      : ['implemented', 'implemented', 'partial', 'not_implemented', 'implemented', 'not_applicable'];
  const result = cycle[index % cycle.length] ?? 'implemented';
  if (round === 'previous' && result === 'implemented' && index % 3 === 0) return 'partial';
  return result;
}

/**
 * Seeds what a management report reads: a system with a previous assessment (answered a little
 * worse, created a month earlier) and a complete current one — all 60 items answered with
 * comments, check points, justifications and due dates (some past), findings on some gaps
 * (owners, priorities, due dates) and evidence linked to a dozen items. Returns the current id.
 */
export async function seedReportAssessment(
  deps: AssessmentDeps,
  actor: Actor,
  options: { comment?: (itemCode: string) => string } = {},
): Promise<{ assessmentId: string; previousId: string; systemId: string }> {
  const now = deps.clock();
  const earlier = { ...deps, clock: () => new Date(now.getTime() - 30 * DAY_MS) };
  const system = await createSystem(deps, {
    actor,
    system: { name: '本社ビル 空調・入退室管理', criticality: 'critical', ownerName: '設備管理部 佐藤' },
  });
  const previous = await createAssessment(earlier, {
    actor,
    fields: { systemId: system.id, title: 'FY2025 checksheet', periodStart: day(now, -60), periodEnd: day(now, -31) },
  });
  const current = await createAssessment(deps, {
    actor,
    fields: { systemId: system.id, title: 'FY2026 checksheet', periodStart: day(now, -20), periodEnd: day(now, 10) },
  });
  const items = listFrameworkItems(deps.catalog, 'jssec-v2');
  const answersOf = (round: 'previous' | 'current') =>
    items.map((item, index) => {
      const result = resultOf(index, item.functionCode, round);
      return {
        itemId: item.itemId,
        version: 0,
        result,
        comment:
          options.comment?.(item.code) ??
          (result === 'implemented' ? '運用手順書に従って実施している。' : '現状を確認し、対応計画を立てる。'),
        ...(result === 'not_applicable' ? { justification: '該当する機器を使用していないため。' } : {}),
        checks: Object.fromEntries(
          item.checkIds.map((checkId, checkIndex) => [
            checkId,
            { done: result === 'implemented' || (result === 'partial' && checkIndex === 0), note: '' },
          ]),
        ),
        ...(result === 'partial' || result === 'not_implemented'
          ? { dueDate: day(now, index % 4 === 0 ? -5 : 45) }
          : {}),
      };
    });
  await saveAnswersBulk(earlier, { actor, assessmentId: previous.id, answers: answersOf('previous') });
  await saveAnswersBulk(deps, { actor, assessmentId: current.id, answers: answersOf('current') });

  const gaps = items.filter((item, index) => {
    const result = resultOf(index, item.functionCode, 'current');
    return result === 'partial' || result === 'not_implemented';
  });
  const priorities: Priority[] = ['high', 'medium', 'high', 'low'];
  for (const [index, item] of gaps.slice(0, 12).entries()) {
    await createFinding(deps, {
      actor,
      assessmentId: current.id,
      finding: {
        itemId: item.itemId,
        issue: `項目 ${item.code} の対策が不十分で、機器の不正利用につながるおそれがある。`,
        recommendation: '手順を定め、担当部署で四半期ごとに確認する。',
        priority: priorities[index % priorities.length] ?? 'medium',
        ownerName: index % 2 === 0 ? '情報システム部 田中' : '設備管理部 鈴木',
        dueDate: day(now, index % 3 === 0 ? -3 : 60),
      },
    });
  }
  const backed = items.filter((_, index) => index % 5 === 0).slice(0, 12);
  for (const [index, item] of backed.entries()) {
    const evidence = await createEvidenceEntry(deps, {
      actor,
      entry: {
        kind: 'text',
        title: `${item.code} 点検記録 ${index + 1}`,
        body: '点検結果の記録。',
        evidenceDate: day(now, -10 - index),
        ...(index % 4 === 0 ? { validUntil: day(now, index === 0 ? -1 : 300) } : {}),
      },
    });
    await linkEvidence(deps, { actor, assessmentId: current.id, itemId: item.itemId, evidenceId: evidence.id });
  }
  return { assessmentId: current.id, previousId: previous.id, systemId: system.id };
}
