import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import type { ConfirmationDecision, ConfirmationView } from '../../../contracts/vulnerabilities/confirmation.schema';
import { touchAdvisoryRevision } from '../../../db/vulnerabilities/advisory.repository';
import {
  findConfirmation,
  insertConfirmation,
  listConfirmations,
  updateConfirmation,
  type ConfirmationRow,
} from '../../../db/vulnerabilities/confirmation.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { RequestContext } from '../../auth/account-deps';
import { recordAudit } from '../../audit/record-audit';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from '../views/list-matches';

function presentConfirmation(row: ConfirmationRow): ConfirmationView {
  return {
    id: row.termId,
    advisoryId: row.advisoryId,
    trackingId: row.trackingId,
    advisoryTitle: row.advisoryTitle,
    product: row.product,
    text: row.text,
    status: (row.decision?.status ?? 'pending') as ConfirmationView['status'],
    versions: row.decision?.versions ? (JSON.parse(row.decision.versions) as ConfirmationView['versions']) : null,
    decidedBy: row.decision?.decided_by ?? null,
    decidedAt: row.decision?.decided_at ?? null,
    version: row.decision?.version ?? 0,
  };
}

/** The organisation's confirmation queue in one state (default pending), at most 500 entries. */
export async function listConfirmationQueue(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly status?: 'pending' | 'confirmed' | 'rejected' },
): Promise<{ items: ConfirmationView[] }> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const rows = await listConfirmations(deps.database.db, organisationId, input.status ?? 'pending', 500);
  return { items: rows.map(presentConfirmation) };
}

/**
 * Confirms an unparsed version text as a range (at least one bound) or rejects it, for the
 * actor's organisation (vulnerabilities.triage). The advisory gets a new revision, so the next
 * match run uses the decision. A decided text changes only over its `expectedVersion` (CONFLICT
 * otherwise). Audited in the same transaction. NOT_FOUND for a text the organisation cannot see.
 */
export async function decideConfirmation(
  deps: VulnerabilityDeps,
  input: {
    readonly actor: Actor;
    readonly termId: string;
    readonly decision: ConfirmationDecision;
    readonly context?: RequestContext;
  },
): Promise<ConfirmationView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.triage', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not confirm version texts in this organisation.');
  const { decision } = input;
  const versions = decision.versions;
  if (decision.decision === 'confirm') {
    const bounds = versions
      ? [versions.exact, versions.startIncluding, versions.startExcluding, versions.endIncluding, versions.endExcluding]
      : [];
    if (!versions || bounds.every((bound) => bound === undefined))
      throw new DomainError('VALIDATION_FAILED', 'A confirmed range needs at least one bound.', [
        { field: 'versions', reason: 'needs exact or a start/end bound', code: 'missing' },
      ]);
    if (versions.startIncluding !== undefined && versions.startExcluding !== undefined)
      throw new DomainError('VALIDATION_FAILED', 'Only one start bound.', [
        { field: 'versions.startExcluding', reason: 'startIncluding is given too', code: 'invalid_value' },
      ]);
    if (versions.endIncluding !== undefined && versions.endExcluding !== undefined)
      throw new DomainError('VALIDATION_FAILED', 'Only one end bound.', [
        { field: 'versions.endExcluding', reason: 'endIncluding is given too', code: 'invalid_value' },
      ]);
  } else if (versions !== undefined) {
    throw new DomainError('VALIDATION_FAILED', 'A rejection takes no range.', [
      { field: 'versions', reason: 'only with decision confirm', code: 'invalid_value' },
    ]);
  }
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const row = await findConfirmation(transaction, organisationId, input.termId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such version text.');
    const change = {
      status: decision.decision === 'confirm' ? 'confirmed' : 'rejected',
      versions: decision.decision === 'confirm' ? JSON.stringify({ kind: 'range', ...versions }) : null,
      decided_by: actor.email,
      decided_at: at.toISOString(),
    };
    const conflict = () =>
      new DomainError(
        'CONFLICT',
        'Someone else decided on this text first.',
        [{ field: 'expectedVersion', reason: `stored version is ${row.decision?.version ?? 0}` }],
        { current: presentConfirmation(row) },
      );
    if (row.decision) {
      if (decision.expectedVersion !== row.decision.version) throw conflict();
      if (!(await updateConfirmation(transaction, row.decision.id, row.decision.version, change))) throw conflict();
    } else {
      await insertConfirmation(transaction, {
        id: randomUUID(),
        organisation_id: organisationId,
        source: row.source,
        tracking_id: row.trackingId,
        product: row.product,
        text: row.text,
        ...change,
        version: 1,
      });
    }
    await touchAdvisoryRevision(transaction, row.advisoryId);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'vulnerability.confirmation',
      targetType: 'vulnerability_confirmation',
      targetId: row.termId,
      before: row.decision ? { status: row.decision.status, versions: row.decision.versions } : undefined,
      after: {
        advisory: row.trackingId,
        product: row.product,
        text: row.text,
        status: change.status,
        versions: change.versions,
      },
    });
    const saved = await findConfirmation(transaction, organisationId, input.termId);
    return presentConfirmation(saved ?? row);
  });
}
