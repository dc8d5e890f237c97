import type { DeviceFields } from '../device.types';

/** The name of one editable device field. */
export type DeviceFieldKey = keyof DeviceFields;
