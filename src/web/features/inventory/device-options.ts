import type { Criticality } from '../../../core/assessment/assessment.types';
import type {
  Acquisition,
  DataClass,
  DeviceClass,
  DeviceStatus,
  InternetExposure,
} from '../../../core/inventory/device.types';

// The choices of each device enumeration, in display order. The web may import only types from
// core, so the lists are spelled here; a Record over each union makes the compiler refuse a
// list that misses a value core adds.

const keys = <T extends string>(record: Record<T, true>): readonly T[] => Object.keys(record) as T[];

export const DEVICE_CLASS_OPTIONS = keys<DeviceClass>({
  sensor: true,
  camera: true,
  gateway: true,
  controller: true,
  actuator: true,
  meter: true,
  medical: true,
  vehicle: true,
  building: true,
  network: true,
  other: true,
});
export const DEVICE_STATUS_OPTIONS = keys<DeviceStatus>({
  planned: true,
  in_stock: true,
  active: true,
  spare: true,
  retired: true,
  disposed: true,
});
export const EXPOSURE_OPTIONS = keys<InternetExposure>({ none: true, outbound: true, inbound: true, unknown: true });
export const DATA_CLASS_OPTIONS = keys<DataClass>({
  personal: true,
  confidential: true,
  control: true,
  telemetry: true,
  video_audio: true,
});
export const ACQUISITION_OPTIONS = keys<Acquisition>({ new: true, second_hand: true, unknown: true });
export const CRITICALITY_OPTIONS = keys<Criticality>({ critical: true, important: true, supporting: true });
