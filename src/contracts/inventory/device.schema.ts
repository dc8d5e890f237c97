import Type from 'typebox';
import {
  ACQUISITIONS,
  DATA_CLASSES,
  DEVICE_CLASSES,
  DEVICE_STATUSES,
  INTERNET_EXPOSURES,
} from '../../core/inventory/device.types';
import { CRITICALITIES } from '../../core/assessment/assessment.types';

// Devices as the API takes and gives them (issue 11): camelCase keys of DeviceFields plus id and
// bookkeeping. Request bodies are closed; value rules beyond types (real days, IP/MAC/CPE forms,
// unique asset tags) are checked by the use case, which names each field it refuses.

const List = <T extends Type.TSchema>(items: T, maxItems = 100) => Type.Immutable(Type.Array(items, { maxItems }));
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (max: number) => Type.String({ maxLength: max });
const Day = Nullable(Type.String({ maxLength: 20, description: 'YYYY-MM-DD (or null)' }));

export const DeviceClassSchema = Type.Enum([...DEVICE_CLASSES]);
export const DeviceStatusSchema = Type.Enum([...DEVICE_STATUSES]);
export const InternetExposureSchema = Type.Enum([...INTERNET_EXPOSURES]);
export const DataClassSchema = Type.Enum([...DATA_CLASSES]);
export const AcquisitionSchema = Type.Enum([...ACQUISITIONS]);
export const DeviceCriticalitySchema = Type.Enum([...CRITICALITIES]);
const CustomValue = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]);

/** Every editable device field, each optional (POST requires assetTag and name). */
const DEVICE_FIELD_SCHEMAS = {
  assetTag: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  deviceClass: DeviceClassSchema,
  manufacturer: Text(200),
  model: Text(200),
  hardwareVersion: Text(100),
  serialNumber: Text(200),
  firmwareVersion: Text(100),
  firmwareUpdatedOn: Day,
  ipAddresses: List(Text(100)),
  macAddresses: List(Text(100)),
  hostname: Text(253),
  networkZone: Text(200),
  internetExposure: InternetExposureSchema,
  site: Text(200),
  building: Text(200),
  floor: Text(100),
  room: Text(200),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  owner: Text(200),
  maintainer: Text(200),
  criticality: DeviceCriticalitySchema,
  dataClasses: List(DataClassSchema),
  safetyRelevant: Type.Boolean(),
  status: DeviceStatusSchema,
  disposalMethod: Text(1000),
  disposedOn: Day,
  installedOn: Day,
  acquisition: AcquisitionSchema,
  supportUntil: Day,
  endOfSale: Day,
  endOfLife: Day,
  cpes: List(Text(500)),
  tags: List(Text(100)),
  customFields: Type.Record(Type.String({ maxLength: 64 }), CustomValue, { maxProperties: 100 }),
};

const optionalFields = Object.fromEntries(
  Object.entries(DEVICE_FIELD_SCHEMAS).map(([key, schema]) => [key, Type.Optional(schema)]),
) as { [K in keyof typeof DEVICE_FIELD_SCHEMAS]: Type.TOptional<(typeof DEVICE_FIELD_SCHEMAS)[K]> };

/** POST /api/inventory/devices: asset tag and name required, every other field optional. */
export const DeviceInputSchema = Type.Object(
  { ...optionalFields, assetTag: DEVICE_FIELD_SCHEMAS.assetTag, name: DEVICE_FIELD_SCHEMAS.name },
  { additionalProperties: false },
);

/** PATCH /api/inventory/devices/:id: the version edited and the changed fields. */
export const DeviceUpdateSchema = Type.Object(
  {
    ...optionalFields,
    version: Type.Integer({ description: 'the version you edited; a stale one gets 409 with the current device' }),
  },
  { additionalProperties: false },
);

/** A stored device. */
export const DeviceSchema = Type.Object({
  id: Type.Integer(),
  ...DEVICE_FIELD_SCHEMAS,
  assetTag: Type.String(),
  name: Type.String(),
  maintainerProviderId: Nullable(Type.String()),
  systemIds: List(Type.String(), 100_000),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Nullable(Type.String()),
  importId: Nullable(Type.String()),
});

/** A page of devices: `next` is the cursor of the following page (null on the last); `total` on a first page. */
export const DevicePageSchema = Type.Object({
  devices: List(DeviceSchema, 500),
  next: Nullable(Type.String()),
  total: Type.Optional(Type.Integer()),
  totalIsAtLeast: Type.Optional(
    Type.Boolean({ description: 'more devices match than `total` (counting stops at 10,000 under a filter)' }),
  ),
});

/** DELETE /api/inventory/devices/:id?version=N */
export const DeviceDeleteQuerySchema = Type.Object(
  { version: Type.Integer({ description: 'the version you saw; a stale one gets 409 with the current device' }) },
  { additionalProperties: false },
);

export const DeviceHistorySchema = Type.Object({
  entries: List(
    Type.Object({
      at: Type.String(),
      by: Nullable(Type.String({ description: 'display name of who made the change' })),
      action: Type.String({ description: 'create, update, delete, or import (created by an import run)' }),
      importId: Nullable(Type.String()),
      changes: List(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }), 1000),
    }),
    1000,
  ),
});
