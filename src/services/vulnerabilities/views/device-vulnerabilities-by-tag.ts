import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import type { MatchRowView } from '../../../contracts/vulnerabilities/match.schema';
import { findDeviceIdByAssetTag } from '../../../db/inventory/device.repository';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { listDeviceVulnerabilities, requireVulnerabilityReader } from './list-matches';

/** The matches of the organisation's device with this asset tag (how the CLI names devices); NOT_FOUND if none. */
export async function listVulnerabilitiesOfAssetTag(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly assetTag: string },
): Promise<{ items: MatchRowView[] }> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const id = await findDeviceIdByAssetTag(deps.database.db, organisationId, input.assetTag);
  if (id === undefined)
    throw new DomainError('NOT_FOUND', 'No such device.', [
      { field: '--device', reason: `no device with asset tag ${input.assetTag}` },
    ]);
  return listDeviceVulnerabilities(deps, { actor: input.actor, deviceId: String(id) });
}
