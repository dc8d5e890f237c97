import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import type { TriageView } from '../../../contracts/vulnerabilities/parts.schema';
import { findDeviceIdByAssetTag } from '../../../db/inventory/device.repository';
import { findVisibleAdvisoryIdsByTrackingId } from '../../../db/vulnerabilities/advisory-view.repository';
import { findVisibleAdvisory } from '../../../db/vulnerabilities/advisory.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { setTriage } from './set-triage';

/** A triage as a command line names it: the advisory by id or tracking id, the device by asset tag. */
export interface TriageByReference {
  readonly advisory: string;
  readonly target:
    | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
    | { readonly kind: 'device'; readonly assetTag: string };
  readonly status: TriageStatus;
  readonly justification?: NotAffectedJustification | null;
  readonly owner?: string;
  readonly due?: string | null;
  readonly detail?: string;
}

/**
 * setTriage for the CLI: resolves the advisory (its id, or a tracking id such as CVE-2026-1234
 * the organisation sees under one source only) and the device's asset tag, then records the
 * triage over whatever version is stored (a command line has no version to send back).
 * NOT_FOUND on `--advisory` / `--device` when they name nothing; VALIDATION_FAILED on
 * `--advisory` when a tracking id is ambiguous.
 */
export async function setTriageByReference(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly change: TriageByReference },
): Promise<TriageView> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const { change } = input;
  let advisoryId = (await findVisibleAdvisory(db, organisationId, change.advisory))?.id;
  if (advisoryId === undefined) {
    const ids = await findVisibleAdvisoryIdsByTrackingId(db, organisationId, change.advisory);
    if (ids.length === 0)
      throw new DomainError('NOT_FOUND', 'No such advisory.', [
        { field: '--advisory', reason: `no advisory ${change.advisory}` },
      ]);
    if (ids.length > 1)
      throw new DomainError('VALIDATION_FAILED', 'The tracking id names more than one advisory.', [
        { field: '--advisory', reason: `several advisories are ${change.advisory}: give one id of ${ids.join(', ')}` },
      ]);
    advisoryId = ids[0]!;
  }
  let target: { kind: 'model'; manufacturer: string; model: string } | { kind: 'device'; deviceId: string };
  if (change.target.kind === 'device') {
    const id = await findDeviceIdByAssetTag(db, organisationId, change.target.assetTag);
    if (id === undefined)
      throw new DomainError('NOT_FOUND', 'No such device.', [
        { field: '--device', reason: `no device with asset tag ${change.target.assetTag}` },
      ]);
    target = { kind: 'device', deviceId: String(id) };
  } else target = { ...change.target };
  const { status, justification, owner, due, detail } = change;
  const base = {
    advisoryId,
    target,
    status,
    ...(justification === undefined ? {} : { justification }),
    ...(owner === undefined ? {} : { owner }),
    ...(due === undefined ? {} : { due }),
    ...(detail === undefined ? {} : { detail }),
  };
  try {
    return await setTriage(deps, { actor: input.actor, change: base });
  } catch (error) {
    const current = error instanceof DomainError && error.code === 'CONFLICT' ? currentVersion(error) : undefined;
    if (current === undefined) throw error;
    return setTriage(deps, { actor: input.actor, change: { ...base, expectedVersion: current } });
  }
}

/** The stored version a CONFLICT of setTriage carries, if any. */
function currentVersion(error: DomainError): number | undefined {
  const current = error.extensions['current'] as { version?: unknown } | undefined;
  const version = current?.version;
  return typeof version === 'number' ? version : undefined;
}
