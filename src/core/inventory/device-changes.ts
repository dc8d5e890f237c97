import type { DeviceFields } from './device.types';

/** One field's value before and after a change (null before: created; null after: removed). */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ between two versions of a device, in field order. */
export function changedDeviceFields(
  before: Partial<DeviceFields>,
  after: Partial<DeviceFields>,
): (keyof DeviceFields)[] {
  return (Object.keys(after) as (keyof DeviceFields)[]).filter((key) => !same(before[key], after[key]));
}

/** The values of `keys` in `fields`, for the before/after of a history row or an audit entry. */
export function pickDeviceFields(
  fields: Partial<DeviceFields>,
  keys: readonly (keyof DeviceFields)[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, fields[key] ?? null]));
}
