import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError, type ProblemDetail } from '../../../core/domain-error';
import { checkDay } from '../../../core/inventory/field-checks';
import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import type { TriageView } from '../../../contracts/vulnerabilities/parts.schema';
import { findDeviceRow } from '../../../db/inventory/device.repository';
import { findVisibleAdvisory } from '../../../db/vulnerabilities/advisory.repository';
import {
  TARGET_KEY_SEPARATOR,
  findTriage,
  insertTriage,
  triageTargetKey,
  updateTriage,
} from '../../../db/vulnerabilities/triage.repository';
import type { VulnerabilityTriageTable } from '../../../db/vulnerabilities/triage.table';
import { requireOrganisation } from '../../accounts/require-user';
import type { RequestContext } from '../../auth/account-deps';
import { recordAudit } from '../../audit/record-audit';
import { recordVulnerabilityTrend } from '../trend/record-trend';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { presentTriage } from './present-triage';

export type TriageTarget =
  | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
  | { readonly kind: 'device'; readonly deviceId: string };

export interface TriageChange {
  readonly advisoryId: string;
  readonly target: TriageTarget;
  readonly status: TriageStatus;
  readonly justification?: NotAffectedJustification | null;
  readonly detail?: string;
  readonly owner?: string;
  readonly due?: string | null;
  /** The version edited; absent (or 0) for a triage not yet recorded. */
  readonly expectedVersion?: number;
}

/**
 * Records the organisation's triage of an advisory for a model or one device (a device triage
 * overrides its model's). Keyed by the advisory's source + tracking id, so it survives re-imports
 * and re-matches. `not_affected` needs a justification, and only it takes one. Optimistic
 * locking: a stale or missing expectedVersion over a stored triage → CONFLICT with `current`.
 * Another organisation's advisory upload or device → NOT_FOUND. Audited in the same transaction.
 */
export async function setTriage(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly change: TriageChange; readonly context?: RequestContext },
): Promise<TriageView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.triage', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not triage vulnerabilities in this organisation.');
  const { change } = input;
  const justification = change.justification ?? null;
  const due = change.due ?? null;
  const problems: ProblemDetail[] = [];
  if (change.status === 'not_affected' && justification === null)
    problems.push({ field: 'justification', reason: 'not_affected needs a justification', code: 'missing' });
  if (change.status !== 'not_affected' && justification !== null)
    problems.push({ field: 'justification', reason: 'only not_affected takes a justification', code: 'invalid_value' });
  checkDay(problems, 'due', due);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The triage is not valid.', problems);

  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const advisory = await findVisibleAdvisory(transaction, organisationId, change.advisoryId);
    if (!advisory)
      throw new DomainError('NOT_FOUND', 'No such advisory.', [{ field: 'advisoryId', reason: 'not found' }]);
    let target: Pick<VulnerabilityTriageTable, 'target_kind' | 'manufacturer' | 'model' | 'device_id'>;
    let assetTag = '';
    if (change.target.kind === 'device') {
      const id = Number(change.target.deviceId);
      const device = Number.isSafeInteger(id) ? await findDeviceRow(transaction, organisationId, id) : undefined;
      if (!device)
        throw new DomainError('NOT_FOUND', 'No such device.', [{ field: 'target.deviceId', reason: 'not found' }]);
      target = { target_kind: 'device', manufacturer: device.manufacturer, model: device.model, device_id: id };
      assetTag = device.asset_tag;
    } else {
      target = {
        target_kind: 'model',
        manufacturer: change.target.manufacturer.trim(),
        model: change.target.model.trim(),
        device_id: null,
      };
    }
    const targetKey = triageTargetKey(
      change.target.kind === 'device'
        ? { kind: 'device', deviceId: String(target.device_id) }
        : { kind: 'model', manufacturer: target.manufacturer, model: target.model },
    );
    const existing = await findTriage(transaction, organisationId, {
      source: advisory.source,
      trackingId: advisory.tracking_id,
      targetKey,
    });
    const fields = {
      status: change.status,
      justification,
      detail: change.detail ?? existing?.detail ?? '',
      owner: change.owner ?? existing?.owner ?? '',
      due: change.due === undefined ? (existing?.due ?? null) : due,
      updated_by: actor.email,
      updated_at: at.toISOString(),
    };
    const conflict = (current: VulnerabilityTriageTable) =>
      new DomainError(
        'CONFLICT',
        'Someone else changed this triage first; here is what is stored now.',
        [{ field: 'expectedVersion', reason: `stored version is ${current.version}` }],
        { current: presentTriage(current, advisory.id, assetTag) },
      );
    let saved: VulnerabilityTriageTable;
    if (existing) {
      const expected = change.expectedVersion;
      if (expected === undefined || expected !== Number(existing.version)) throw conflict(existing);
      if (!(await updateTriage(transaction, existing.id, expected, fields))) throw conflict(existing);
      saved = { ...existing, ...fields, version: expected + 1 };
    } else {
      if (change.expectedVersion !== undefined && change.expectedVersion !== 0)
        throw new DomainError('CONFLICT', 'This triage is no longer stored.', [
          { field: 'expectedVersion', reason: 'no stored triage' },
        ]);
      saved = {
        id: randomUUID(),
        organisation_id: organisationId,
        source: advisory.source,
        tracking_id: advisory.tracking_id,
        target_key: targetKey,
        ...target,
        ...fields,
        version: 1,
        created_at: at.toISOString(),
      };
      await insertTriage(transaction, saved);
    }
    await recordVulnerabilityTrend(transaction, organisationId, at);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'vulnerability.triage',
      targetType: 'vulnerability_triage',
      targetId: saved.id,
      before: existing ? triageAuditFacts(existing) : undefined,
      after: {
        advisory: advisory.tracking_id,
        target: targetKey.replace(TARGET_KEY_SEPARATOR, ' '),
        ...triageAuditFacts(saved),
      },
    });
    return presentTriage(saved, advisory.id, assetTag);
  });
}

function triageAuditFacts(row: VulnerabilityTriageTable) {
  return {
    status: row.status,
    justification: row.justification,
    detail: row.detail,
    owner: row.owner,
    due: row.due,
    version: Number(row.version),
  };
}
