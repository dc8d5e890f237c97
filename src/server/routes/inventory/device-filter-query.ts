import type { Static } from 'typebox';
import type { DeviceFilterQuerySchema } from '../../../contracts/inventory/device-query.schema';
import type { DeviceFilter } from '../../../core/inventory/device-filter';

/** The filter members of a validated query (or bulk-edit body), named one by one. */
export function deviceFilterOf(query: Static<typeof DeviceFilterQuerySchema>): DeviceFilter {
  return {
    q: query.q,
    deviceClass: query.deviceClass,
    manufacturer: query.manufacturer,
    model: query.model,
    firmwareVersion: query.firmwareVersion,
    site: query.site,
    status: query.status,
    support: query.support,
    systemId: query.systemId,
    noOwner: query.noOwner,
    noLocation: query.noLocation,
    firmwareOlderThanDays: query.firmwareOlderThanDays,
  };
}
