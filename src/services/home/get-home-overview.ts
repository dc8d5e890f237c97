import { isAnswerOverdue, isPastDue } from '../../core/assessment/overdue';
import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import type { HomeOverview } from '../../contracts/home.schema';
import { listAuditEvents } from '../../db/audit.repository';
import { listAssignedAnswers, listOrganisationOpenFindings } from '../../db/home.repository';
import { listSystems } from '../../db/system.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { listAssessments } from '../assessments/list-assessments';
import { presentAuditEntries } from '../audit/present-audit-entries';

/** How many rows of each list the home page shows; the totals count them all. */
export const HOME_LIST_LIMIT = 10;

/**
 * The signed-in member's overview of their organisation: every system with its latest assessment's
 * score and completion, the answers assigned to them that still need work (and how many are
 * overdue), the open findings, and recent activity — everyone's for those who may read the audit
 * trail, otherwise their own. "Overdue" means due before today (UTC), as in the gap list.
 */
export async function getHomeOverview(deps: AssessmentDeps, input: { actor: Actor }): Promise<HomeOverview> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const today = deps.clock().toISOString().slice(0, 10);
  const itemNumber = (itemId: string) => deps.catalog.nodes.get(itemId)?.code ?? itemId;

  const [systems, assessments, assigned, findings] = await Promise.all([
    listSystems(db, organisationId),
    listAssessments(deps, { actor }),
    listAssignedAnswers(db, organisationId, actor.userId),
    listOrganisationOpenFindings(db, organisationId),
  ]);
  // listAssessments is newest first: the first seen per system is its latest.
  const latestBySystem = new Map<string, (typeof assessments)[number]>();
  for (const assessment of assessments)
    if (!latestBySystem.has(assessment.systemId)) latestBySystem.set(assessment.systemId, assessment);

  const seesEveryone = can(actor, 'audit.read', { organisationId });
  const activity = await listAuditEvents(db, {
    organisationId,
    ...(seesEveryone ? {} : { userId: actor.userId }),
    newestFirst: true,
    limit: HOME_LIST_LIMIT,
  });

  const myItems = assigned.map((answer) => ({
    assessmentId: answer.assessmentId,
    assessmentTitle: answer.assessmentTitle,
    systemName: answer.systemName,
    itemId: answer.itemId,
    itemNumber: itemNumber(answer.itemId),
    result: answer.result,
    reviewState: answer.reviewState,
    dueDate: answer.dueDate,
    overdue: isAnswerOverdue(answer, today),
  }));
  const openFindings = findings.map((finding) => ({
    id: finding.id,
    assessmentId: finding.assessmentId,
    assessmentTitle: finding.assessmentTitle,
    systemName: finding.systemName,
    itemNumber: itemNumber(finding.itemId),
    issue: finding.issue,
    priority: finding.priority,
    status: finding.status,
    ownerName: finding.ownerName,
    dueDate: finding.dueDate,
    overdue: isPastDue(finding.dueDate, today),
  }));
  return {
    systems: systems.map((system) => {
      const latest = latestBySystem.get(system.id);
      return {
        id: system.id,
        name: system.name,
        criticality: system.criticality,
        latest: latest
          ? {
              id: latest.id,
              title: latest.title,
              status: latest.status,
              score: latest.overallScore,
              completion: latest.completion,
              updatedAt: latest.updatedAt,
            }
          : null,
      };
    }),
    myItems: {
      total: myItems.length,
      overdue: myItems.filter((item) => item.overdue).length,
      items: myItems.slice(0, HOME_LIST_LIMIT),
    },
    openFindings: {
      total: openFindings.length,
      overdue: openFindings.filter((finding) => finding.overdue).length,
      items: openFindings.slice(0, HOME_LIST_LIMIT),
    },
    activity: {
      scope: seesEveryone ? 'organisation' : 'mine',
      entries: await presentAuditEntries(db, deps.catalog, organisationId, activity.entries),
    },
  };
}
