import type { FindingStatus, Priority } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { checkDays } from '../../core/evidence/evidence-dates';
import { findFinding, updateFindingRecord, type FindingChanges, type FindingRecord } from '../../db/finding.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { FindingDeps } from './finding-deps';
import { toFindingView, type FindingView } from './finding-view';

/** Changes to a finding, made against the version the caller saw. Omitted fields stay. */
export interface FindingUpdate {
  readonly version: number;
  readonly issue?: string;
  readonly impact?: string;
  readonly recommendation?: string;
  readonly priority?: Priority;
  readonly ownerName?: string;
  readonly dueDate?: string | null;
  readonly status?: FindingStatus;
  readonly acceptedReason?: string;
}

/**
 * Updates a finding with optimistic locking: a stale `version` gets CONFLICT carrying the stored
 * finding in `current`. Status accepted_risk needs an acceptedReason and records who accepted
 * (the actor); leaving accepted_risk clears both. Audited with what changed, before and after.
 */
export async function updateFinding(
  deps: Pick<FindingDeps, 'database' | 'clock'>,
  input: { actor: Actor; findingId: string; update: FindingUpdate; context?: RequestContext },
): Promise<FindingView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const { update } = input;
  if (update.dueDate) checkDays({ dueDate: update.dueDate });
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const current = await findFinding(transaction, organisationId, input.findingId);
    if (!current) throw new DomainError('NOT_FOUND', 'No such finding.');
    await requireAssessment({ db: transaction }, organisationId, current.assessmentId, 'change-findings');
    if (current.version !== update.version) throw staleVersion(current);
    const next = applyUpdate(current, update, actor.userId || `cli:${actor.email}`);
    const changed = (Object.keys(next) as (keyof FindingChanges)[]).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return toFindingView(current);
    if (
      !(await updateFindingRecord(transaction, organisationId, current.id, update.version, {
        ...next,
        updatedAt: now.toISOString(),
      }))
    ) {
      const latest = await findFinding(transaction, organisationId, current.id);
      throw latest ? staleVersion(latest) : new DomainError('NOT_FOUND', 'No such finding.');
    }
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'finding.update',
      targetType: 'finding',
      targetId: current.id,
      before: Object.fromEntries(changed.map((key) => [key, current[key]])),
      after: Object.fromEntries(changed.map((key) => [key, next[key]])),
    });
    return toFindingView({ ...current, ...next, version: update.version + 1, updatedAt: now.toISOString() });
  });
}

function applyUpdate(current: FindingRecord, update: FindingUpdate, actorLabel: string): FindingChanges {
  const status = update.status ?? current.status;
  const base = {
    issue: update.issue ?? current.issue,
    impact: update.impact ?? current.impact,
    recommendation: update.recommendation ?? current.recommendation,
    priority: update.priority ?? current.priority,
    ownerName: update.ownerName ?? current.ownerName,
    dueDate: update.dueDate === undefined ? current.dueDate : update.dueDate,
    status,
  };
  if (update.issue !== undefined && update.issue.trim() === '')
    throw new DomainError('VALIDATION_FAILED', 'A finding needs an issue.', [{ field: 'issue', reason: 'is empty' }]);
  if (status !== 'accepted_risk') {
    if (update.acceptedReason?.trim())
      throw new DomainError('VALIDATION_FAILED', 'A reason is given only when accepting the risk.', [
        { field: 'acceptedReason', reason: 'only with status accepted_risk' },
      ]);
    return { ...base, acceptedBy: null, acceptedReason: null };
  }
  const reason = update.acceptedReason ?? current.acceptedReason;
  if (!reason?.trim())
    throw new DomainError('VALIDATION_FAILED', 'Accepting a risk needs a reason.', [
      { field: 'acceptedReason', reason: 'is required for status accepted_risk' },
    ]);
  // Whoever accepts the risk, or restates why, owns that decision.
  const decided = current.status !== 'accepted_risk' || reason !== current.acceptedReason;
  return { ...base, acceptedReason: reason, acceptedBy: decided ? actorLabel : current.acceptedBy };
}

function staleVersion(current: FindingRecord): DomainError {
  return new DomainError(
    'CONFLICT',
    'Someone else changed this finding. Review the current version and apply your change again.',
    [{ field: 'version', reason: `is ${current.version} now` }],
    {
      current: toFindingView(current),
    },
  );
}
