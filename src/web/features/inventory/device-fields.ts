import type { TFunction } from 'i18next';
import type { DeviceFields } from '../../../core/inventory/device.types';
import {
  ACQUISITION_OPTIONS,
  CRITICALITY_OPTIONS,
  DATA_CLASS_OPTIONS,
  DEVICE_CLASS_OPTIONS,
  DEVICE_STATUS_OPTIONS,
  EXPOSURE_OPTIONS,
} from './device-options';

// How each device field is shown and edited: its kind, the i18n key of its enumeration labels,
// and the group it belongs to on the device page.

export type FieldKey = keyof DeviceFields;

export type FieldKind =
  | { readonly type: 'text' }
  | { readonly type: 'date' }
  | { readonly type: 'number' }
  | { readonly type: 'boolean' }
  | { readonly type: 'list' }
  | { readonly type: 'enum'; readonly options: readonly string[]; readonly labels: string }
  | { readonly type: 'multi'; readonly options: readonly string[]; readonly labels: string };

const text = { type: 'text' } as const;
const date = { type: 'date' } as const;
const list = { type: 'list' } as const;

/** Every editable scalar and list field, by kind (custom fields are shown separately). */
export const FIELD_KINDS: Readonly<Record<Exclude<FieldKey, 'customFields'>, FieldKind>> = {
  assetTag: text,
  name: text,
  deviceClass: { type: 'enum', options: DEVICE_CLASS_OPTIONS, labels: 'inventory.deviceClass' },
  manufacturer: text,
  model: text,
  hardwareVersion: text,
  serialNumber: text,
  firmwareVersion: text,
  firmwareUpdatedOn: date,
  ipAddresses: list,
  macAddresses: list,
  hostname: text,
  networkZone: text,
  internetExposure: { type: 'enum', options: EXPOSURE_OPTIONS, labels: 'inventory.exposures' },
  site: text,
  building: text,
  floor: text,
  room: text,
  latitude: { type: 'number' },
  longitude: { type: 'number' },
  owner: text,
  maintainer: text,
  criticality: { type: 'enum', options: CRITICALITY_OPTIONS, labels: 'criticality' },
  dataClasses: { type: 'multi', options: DATA_CLASS_OPTIONS, labels: 'inventory.dataClasses' },
  safetyRelevant: { type: 'boolean' },
  status: { type: 'enum', options: DEVICE_STATUS_OPTIONS, labels: 'inventory.statuses' },
  disposalMethod: text,
  disposedOn: date,
  installedOn: date,
  acquisition: { type: 'enum', options: ACQUISITION_OPTIONS, labels: 'inventory.acquisitions' },
  supportUntil: date,
  endOfSale: date,
  endOfLife: date,
  cpes: list,
  tags: list,
};

export type EditableField = keyof typeof FIELD_KINDS;

/** The device page's groups of fields, in reading order (CPE names and custom fields have their own). */
export const FIELD_GROUPS: readonly { readonly key: string; readonly fields: readonly EditableField[] }[] = [
  {
    key: 'identity',
    fields: [
      'assetTag',
      'name',
      'deviceClass',
      'manufacturer',
      'model',
      'hardwareVersion',
      'serialNumber',
      'firmwareVersion',
      'firmwareUpdatedOn',
    ],
  },
  { key: 'network', fields: ['ipAddresses', 'macAddresses', 'hostname', 'networkZone', 'internetExposure'] },
  { key: 'location', fields: ['site', 'building', 'floor', 'room', 'latitude', 'longitude', 'owner', 'maintainer'] },
  {
    key: 'lifecycle',
    fields: [
      'status',
      'installedOn',
      'acquisition',
      'supportUntil',
      'endOfSale',
      'endOfLife',
      'disposalMethod',
      'disposedOn',
    ],
  },
  { key: 'data', fields: ['criticality', 'dataClasses', 'safetyRelevant', 'tags'] },
];

/** The label of a field, falling back to its key for fields this version does not know. */
export function fieldLabel(t: TFunction, field: string, exists: (key: string) => boolean): string {
  return exists(`inventory.fields.${field}`) ? t(`inventory.fields.${field}`) : field;
}

/** A field's value as text for the reader: enumeration labels, lists joined, yes/no, — for empty. */
export function formatFieldValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('inventory.notSet');
  const kind = (FIELD_KINDS as Record<string, FieldKind | undefined>)[field];
  if (Array.isArray(value)) {
    if (value.length === 0) return t('inventory.notSet');
    const labels = kind?.type === 'multi' ? kind.labels : undefined;
    return value.map((item) => (labels ? t(`${labels}.${String(item)}`) : String(item))).join(', ');
  }
  if (typeof value === 'boolean') return value ? t('inventory.yes') : t('inventory.no');
  if (kind?.type === 'enum') return t(`${kind.labels}.${String(value)}`);
  if (typeof value === 'object') {
    // Custom fields: "name: value" pairs.
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return t('inventory.notSet');
    return entries.map(([name, item]) => `${name}: ${String(item)}`).join(', ');
  }
  return String(value);
}
