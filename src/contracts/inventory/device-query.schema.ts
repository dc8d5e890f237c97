import Type from 'typebox';
import { DEVICE_SORTS, SUPPORT_BUCKETS } from '../../core/inventory/device-filter';
import { DeviceCriticalitySchema, DeviceStatusSchema } from './device.schema';

// The device list's query: filters (a key may repeat: manufacturer=A&manufacturer=B), sort,
// direction, page size and cursor. The same filters select devices for facets, exports and bulk edits.

const Values = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 });

/** The filter members, shared by query strings and the bulk-edit body. */
export const DEVICE_FILTER_PROPERTIES = {
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'case-insensitive prefix of asset tag, name, model, serial number, IP or MAC address',
    }),
  ),
  deviceClass: Type.Optional(Values),
  manufacturer: Type.Optional(Values),
  model: Type.Optional(Values),
  firmwareVersion: Type.Optional(Values),
  site: Type.Optional(Values),
  status: Type.Optional(Values),
  support: Type.Optional(Type.Array(Type.Enum([...SUPPORT_BUCKETS]), { maxItems: 6 })),
  systemId: Type.Optional(Values),
  noOwner: Type.Optional(Type.Boolean()),
  noLocation: Type.Optional(Type.Boolean()),
  firmwareOlderThanDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500 })),
};

/** GET /api/inventory/facets */
export const DeviceFilterQuerySchema = Type.Object(DEVICE_FILTER_PROPERTIES, { additionalProperties: false });

const PAGING_PROPERTIES = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  after: Type.Optional(Type.String({ maxLength: 2000, description: 'the `next` cursor of the previous page' })),
  sort: Type.Optional(Type.Enum([...DEVICE_SORTS])),
  dir: Type.Optional(Type.Enum(['asc', 'desc'])),
};

/** GET /api/inventory/devices */
export const DeviceListQuerySchema = Type.Object(
  { ...DEVICE_FILTER_PROPERTIES, ...PAGING_PROPERTIES },
  { additionalProperties: false },
);

/** GET /api/systems/:id/devices */
export const SystemDeviceListQuerySchema = Type.Object(PAGING_PROPERTIES, { additionalProperties: false });

/** GET /api/inventory/export */
export const DeviceExportQuerySchema = Type.Object(
  { ...DEVICE_FILTER_PROPERTIES, format: Type.Optional(Type.Enum(['csv', 'xlsx'], { default: 'csv' })) },
  { additionalProperties: false },
);

const FacetValues = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const DeviceFacetsSchema = Type.Object({
  facets: Type.Object({
    deviceClass: FacetValues,
    manufacturer: FacetValues,
    model: FacetValues,
    firmwareVersion: FacetValues,
    site: FacetValues,
    status: FacetValues,
    support: FacetValues,
  }),
});

/** GET /api/inventory/lifecycle */
export const LifecycleQuerySchema = Type.Object(
  {
    horizonDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'accepted; the windows are fixed at 3, 6 and 12 months' }),
    ),
    firmwareOlderThanDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500, default: 365 })),
  },
  { additionalProperties: false },
);

export const LifecycleSchema = Type.Object({
  supportEnded: Type.Integer(),
  supportEnding3m: Type.Integer({ description: 'support ends within 3 months (from today)' }),
  supportEnding6m: Type.Integer({ description: 'within 6 months (includes the 3-month ones)' }),
  supportEnding12m: Type.Integer({ description: 'within 12 months (includes the 6-month ones)' }),
  firmwareOlderThan: Type.Integer(),
  noOwner: Type.Integer(),
  noLocation: Type.Integer(),
});

/** POST /api/inventory/devices/bulk */
export const BulkEditSchema = Type.Object(
  {
    selection: Type.Union([
      Type.Object(
        { ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100_000 }) },
        { additionalProperties: false },
      ),
      Type.Object(
        { filter: Type.Object(DEVICE_FILTER_PROPERTIES, { additionalProperties: false }) },
        { additionalProperties: false },
      ),
    ]),
    set: Type.Object(
      {
        site: Type.Optional(Type.String({ maxLength: 200 })),
        building: Type.Optional(Type.String({ maxLength: 200 })),
        floor: Type.Optional(Type.String({ maxLength: 100 })),
        room: Type.Optional(Type.String({ maxLength: 200 })),
        owner: Type.Optional(Type.String({ maxLength: 200 })),
        status: Type.Optional(DeviceStatusSchema),
        networkZone: Type.Optional(Type.String({ maxLength: 200 })),
        criticality: Type.Optional(DeviceCriticalitySchema),
        maintainer: Type.Optional(Type.String({ maxLength: 200 })),
        tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const BulkEditResultSchema = Type.Object({ updated: Type.Integer() });
