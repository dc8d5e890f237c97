import type { Criticality } from '../assessment/assessment.types';

// The IoT device model (issue 11). Enumerations are stable codes; labels live in the i18n
// dictionaries (web) and the CLI messages, values people type in imports in `enum-aliases.ts`.

export const DEVICE_CLASSES = [
  'sensor',
  'camera',
  'gateway',
  'controller',
  'actuator',
  'meter',
  'medical',
  'vehicle',
  'building',
  'network',
  'other',
] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** Life-cycle state; `disposed` records how stored data was erased (item 35). */
export const DEVICE_STATUSES = ['planned', 'in_stock', 'active', 'spare', 'retired', 'disposed'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const INTERNET_EXPOSURES = ['none', 'outbound', 'inbound', 'unknown'] as const;
export type InternetExposure = (typeof INTERNET_EXPOSURES)[number];

export const DATA_CLASSES = ['personal', 'confidential', 'control', 'telemetry', 'video_audio'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** Bought new or second-hand (item 13: second-hand devices may carry someone else's settings). */
export const ACQUISITIONS = ['new', 'second_hand', 'unknown'] as const;
export type Acquisition = (typeof ACQUISITIONS)[number];

/** Every device field an import or the API can set, by its canonical (English header) key. */
export interface DeviceFields {
  readonly assetTag: string;
  readonly name: string;
  readonly deviceClass: DeviceClass;
  readonly manufacturer: string;
  readonly model: string;
  readonly hardwareVersion: string;
  readonly serialNumber: string;
  readonly firmwareVersion: string;
  readonly firmwareUpdatedOn: string | null;
  readonly ipAddresses: readonly string[];
  readonly macAddresses: readonly string[];
  readonly hostname: string;
  readonly networkZone: string;
  readonly internetExposure: InternetExposure;
  readonly site: string;
  readonly building: string;
  readonly floor: string;
  readonly room: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly owner: string;
  readonly maintainer: string;
  readonly criticality: Criticality;
  readonly dataClasses: readonly DataClass[];
  readonly safetyRelevant: boolean;
  readonly status: DeviceStatus;
  readonly disposalMethod: string;
  readonly disposedOn: string | null;
  readonly installedOn: string | null;
  readonly acquisition: Acquisition;
  readonly supportUntil: string | null;
  readonly endOfSale: string | null;
  readonly endOfLife: string | null;
  readonly cpes: readonly string[];
  readonly tags: readonly string[];
  readonly customFields: Readonly<Record<string, string | number | boolean>>;
}

/** A stored device: its fields plus identity and bookkeeping. */
export interface Device extends DeviceFields {
  readonly id: number;
  readonly maintainerProviderId: string | null;
  readonly systemIds: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
  readonly importId: string | null;
}
