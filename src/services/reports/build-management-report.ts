import { listFrameworkItems } from '../../core/assessment/framework-items';
import { isAnswerOverdue, isPastDue, utcDay } from '../../core/assessment/overdue';
import { computeScores } from '../../core/assessment/scoring';
import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { requireFramework } from '../../core/catalog/framework-tree';
import { DomainError } from '../../core/domain-error';
import type {
  ManagementReport,
  ReportEvidence,
  ReportFinding,
  ReportPrevious,
} from '../../core/reports/management-report.types';
import { listAnswers } from '../../db/answer.repository';
import { listAssessments } from '../../db/assessment.repository';
import { listFindingRecords } from '../../db/finding.repository';
import { OPEN_FINDING_STATUSES } from '../../db/assessment-facts.repository';
import { findOrganisation } from '../../db/organisation.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { compareAssessments } from '../assessments/compare-assessments';
import { getScores } from '../assessments/get-scores';
import { listGaps } from '../assessments/list-gaps';
import { requireAssessment, requireSystem } from '../assessments/require-assessment';
import { listEvidence } from '../evidence/list-evidence';

/** How many gaps the report lists as "to address first". */
export const TOP_GAP_COUNT = 10;

/**
 * Gathers everything the management report shows, for a member who may read the assessment in
 * the actor's organisation (NOT_FOUND for another organisation's assessment, FORBIDDEN for a role
 * that may not read assessments). Reuses the assessment use cases: getScores (scores and levels),
 * listGaps (rank order and open findings), compareAssessments (against the system's previous
 * assessment of the same framework), listEvidence (evidence per item).
 */
export async function buildManagementReport(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string },
): Promise<ManagementReport> {
  const { organisationId } = requireOrganisation(input.actor);
  if (!can(input.actor, 'assessments.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'Your role may not read assessments.');
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const system = await requireSystem(db, organisationId, assessment.systemId);
  const organisation = await findOrganisation(db, organisationId);
  const framework = requireFramework(deps.catalog, assessment.frameworkId);
  const frameworkItems = listFrameworkItems(deps.catalog, assessment.frameworkId);
  const today = utcDay(deps.clock());
  const node = (id: string) => deps.catalog.nodes.get(id);
  const titleOf = (id: string) => node(id)?.title ?? { ja: id, en: id };

  const scores = await getScores(deps, { actor: input.actor, assessmentId: assessment.id });
  const { gaps } = await listGaps(deps, { actor: input.actor, assessmentId: assessment.id });
  const answers = await listAnswers(db, organisationId, assessment.id);
  const findings = await listFindingRecords(db, organisationId, assessment.id);
  const evidence = await listEvidence(deps, { actor: input.actor, assessmentId: assessment.id });

  const evidenceByItem = new Map<string, ReportEvidence[]>();
  for (const record of evidence)
    for (const support of record.supports)
      if (support.assessmentId === assessment.id)
        evidenceByItem.set(support.itemId, [
          ...(evidenceByItem.get(support.itemId) ?? []),
          { title: record.title, evidenceDate: record.evidenceDate, validUntil: record.validUntil },
        ]);
  const openFindings = findings.filter((finding) => OPEN_FINDING_STATUSES.includes(finding.status));
  const openByItem = new Map<string, number>();
  for (const finding of openFindings) openByItem.set(finding.itemId, (openByItem.get(finding.itemId) ?? 0) + 1);

  const previousRun = (await listAssessments(db, organisationId, { systemId: system.id })).find(
    (other) =>
      other.id !== assessment.id &&
      other.frameworkId === assessment.frameworkId &&
      other.createdAt < assessment.createdAt,
  );
  const comparison = previousRun
    ? await compareAssessments(deps, { actor: input.actor, baseId: previousRun.id, otherId: assessment.id })
    : undefined;
  let previous: ReportPrevious | null = null;
  if (previousRun && comparison) {
    const before = new Map(comparison.items.map((item) => [item.itemId, item.before]));
    previous = {
      assessmentId: previousRun.id,
      title: previousRun.title,
      createdAt: previousRun.createdAt,
      overallScore: computeScores(frameworkItems, before).overall.score,
      improvedItems: comparison.items.filter((item) => item.change === 'improved').length,
      worseItems: comparison.items.filter((item) => item.change === 'worse').length,
    };
  }

  const toFinding = (finding: (typeof findings)[number]): ReportFinding => ({
    issue: finding.issue,
    recommendation: finding.recommendation,
    priority: finding.priority,
    ownerName: finding.ownerName,
    dueDate: finding.dueDate,
    status: finding.status,
    overdue: isPastDue(finding.dueDate, today),
  });
  const items = frameworkItems.map((item) => {
    const answer = answers.get(item.itemId);
    const catalogNode = node(item.itemId);
    return {
      itemId: item.itemId,
      code: item.code,
      functionCode: item.functionCode,
      categoryCode: item.categoryCode,
      title: titleOf(item.itemId),
      result: answer?.result ?? 'unanswered',
      providerQuestion: catalogNode?.tags?.providerQuestion ?? false,
      overdue: answer ? isAnswerOverdue(answer, today) : false,
      dueDate: answer?.dueDate ?? null,
      openFindings: openByItem.get(item.itemId) ?? 0,
      comment: answer?.comment ?? '',
      justification: answer?.justification ?? '',
      checks: item.checkIds.map((checkId) => ({
        title: titleOf(checkId),
        done: answer?.checks[checkId]?.done ?? false,
      })),
      evidence: evidenceByItem.get(item.itemId) ?? [],
    } as const;
  });
  const claimed = items.filter((item) => item.result === 'implemented' || item.result === 'partial');

  const functionIds = framework.functionIds;
  return {
    generatedAt: deps.clock().toISOString(),
    organisationName: organisation?.name ?? '',
    system: { name: system.name, criticality: system.criticality, ownerName: system.ownerName },
    assessment: {
      id: assessment.id,
      title: assessment.title,
      status: assessment.status,
      periodStart: assessment.periodStart,
      periodEnd: assessment.periodEnd,
      frameworkTitle: framework.title,
      frameworkVersion: framework.version,
    },
    overall: scores.overall,
    functions: functionIds.flatMap((id) => {
      const fn = node(id);
      const score = fn && scores.functions[fn.code];
      if (!fn || !score) return [];
      const moved = comparison?.functions[fn.code];
      return [
        {
          code: fn.code,
          title: fn.title,
          score,
          ...(moved ? { previousScore: moved.before, change: moved.change } : {}),
        },
      ];
    }),
    categories: functionIds.flatMap((id) =>
      (node(id)?.childIds ?? []).flatMap((categoryId) => {
        const category = node(categoryId);
        const score = category && scores.categories[category.code];
        if (!category || !score) return [];
        return [{ code: category.code, functionCode: node(id)?.code ?? '', title: category.title, score }];
      }),
    ),
    previous,
    topGaps: gaps.slice(0, TOP_GAP_COUNT).map((gap) => ({
      itemId: gap.itemId,
      code: node(gap.itemId)?.code ?? gap.itemId,
      title: titleOf(gap.itemId),
      result: gap.result,
      rank: gap.rank,
      overdue: gap.overdue,
      dueDate: answers.get(gap.itemId)?.dueDate ?? null,
      findings: findings.filter((finding) => gap.openFindings.some((open) => open.id === finding.id)).map(toFinding),
    })),
    gapCount: gaps.length,
    findings: {
      open: openFindings.length,
      openHigh: openFindings.filter((finding) => finding.priority === 'high').length,
      overdue: openFindings.filter((finding) => isPastDue(finding.dueDate, today)).length,
    },
    overdueItems: items.filter((item) => item.overdue).length,
    evidence: {
      itemsClaimed: claimed.length,
      itemsWithEvidence: claimed.filter((item) => item.evidence.length > 0).length,
      records: evidence.length,
      expired: evidence.filter((record) => isPastDue(record.validUntil, today)).length,
    },
    items,
  };
}
