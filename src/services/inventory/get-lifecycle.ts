import type { Actor } from '../../core/auth/actor';
import { supportBounds } from '../../core/inventory/device-filter';
import { countLifecycle, type LifecycleCounts } from '../../db/inventory/device-facet-query';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

/** Firmware older than this many days counts as old when the caller names no age. */
export const DEFAULT_FIRMWARE_AGE_DAYS = 365;

/**
 * The life-cycle view's counts: support ended, support ending within 3, 6 and 12 months
 * (cumulative: the 6-month figure includes the 3-month one), firmware older than N days, and
 * devices without owner or location.
 */
export async function getLifecycle(
  deps: InventoryDeps,
  input: { actor: Actor; firmwareOlderThanDays?: number },
): Promise<LifecycleCounts> {
  const { organisationId } = requireOrganisation(input.actor);
  return countLifecycle(
    deps.database.db,
    organisationId,
    supportBounds(deps.clock()),
    input.firmwareOlderThanDays ?? DEFAULT_FIRMWARE_AGE_DAYS,
  );
}
