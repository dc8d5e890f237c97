import Type from 'typebox';
import { List } from './parts.schema';

// GET/PUT /api/vulnerabilities/latest-firmware — the latest known firmware per manufacturer and
// model, which "firmware behind the latest known version" (items 36/40) compares against.

export const LatestFirmwareRequestSchema = Type.Object(
  {
    manufacturer: Type.String({ minLength: 1, maxLength: 200 }),
    model: Type.String({ minLength: 1, maxLength: 200 }),
    version: Type.String({ minLength: 1, maxLength: 100 }),
    releasedOn: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' })),
    source: Type.Optional(Type.String({ maxLength: 500, description: 'where it was learnt, e.g. a vendor URL' })),
  },
  { additionalProperties: false },
);

export const LatestFirmwareSchema = Type.Object({
  manufacturer: Type.String(),
  model: Type.String(),
  version: Type.String(),
  releasedOn: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});

export const LatestFirmwareListSchema = Type.Object({ items: List(LatestFirmwareSchema) });

export type LatestFirmwareView = Type.Static<typeof LatestFirmwareSchema>;

/**
 * GET /api/inventory/devices/:id/firmware: the device's firmware against the latest known version
 * of its model. `no_record` when none is recorded; `unknown` when the versions cannot be compared.
 */
export const DeviceFirmwareSchema = Type.Object({
  firmwareVersion: Type.String(),
  standing: Type.Enum(['behind', 'current', 'unknown', 'no_record']),
  latest: Type.Union([LatestFirmwareSchema, Type.Null()]),
});

export type DeviceFirmwareView = Type.Static<typeof DeviceFirmwareSchema>;
