import type { Criticality } from '../../core/assessment/assessment.types';
import type {
  Acquisition,
  DataClass,
  Device,
  DeviceClass,
  DeviceFields,
  DeviceStatus,
  InternetExposure,
} from '../../core/inventory/device.types';
import type { DeviceTable } from './inventory.table';

// One mapping between stored device rows and the domain's devices, used by every device query
// and by the import. Lists are space-separated (addresses, CPE names, data classes never contain
// spaces); tags and custom fields are JSON.

const words = (text: string): string[] => (text === '' ? [] : text.split(' '));

/** The stored columns of a device's editable fields, by column name. */
export type DeviceColumns = Omit<
  DeviceTable,
  | 'id'
  | 'organisation_id'
  | 'maintainer_provider_id'
  | 'import_id'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'updated_by'
>;

/** Field key → column name, for every editable field (the order the import writes them in). */
export const DEVICE_FIELD_COLUMNS = {
  assetTag: 'asset_tag',
  name: 'name',
  deviceClass: 'device_class',
  manufacturer: 'manufacturer',
  model: 'model',
  hardwareVersion: 'hardware_version',
  serialNumber: 'serial_number',
  firmwareVersion: 'firmware_version',
  firmwareUpdatedOn: 'firmware_updated_on',
  ipAddresses: 'ip_addresses',
  macAddresses: 'mac_addresses',
  hostname: 'hostname',
  networkZone: 'network_zone',
  internetExposure: 'internet_exposure',
  site: 'site',
  building: 'building',
  floor: 'floor',
  room: 'room',
  latitude: 'latitude',
  longitude: 'longitude',
  owner: 'owner',
  maintainer: 'maintainer',
  criticality: 'criticality',
  dataClasses: 'data_classes',
  safetyRelevant: 'safety_relevant',
  status: 'status',
  disposalMethod: 'disposal_method',
  disposedOn: 'disposed_on',
  installedOn: 'installed_on',
  acquisition: 'acquisition',
  supportUntil: 'support_until',
  endOfSale: 'end_of_sale',
  endOfLife: 'end_of_life',
  cpes: 'cpes',
  tags: 'tags',
  customFields: 'custom_fields',
} as const satisfies Record<keyof DeviceFields, keyof DeviceColumns>;

export type DeviceFieldKey = keyof typeof DEVICE_FIELD_COLUMNS;

/** The stored form of one field's value. */
export function columnValue<K extends DeviceFieldKey>(key: K, value: DeviceFields[K]): string | number | null {
  switch (key) {
    case 'ipAddresses':
    case 'macAddresses':
    case 'dataClasses':
    case 'cpes':
      return (value as readonly string[]).join(' ');
    case 'tags':
    case 'customFields':
      return JSON.stringify(value);
    case 'safetyRelevant':
      return value ? 1 : 0;
    default:
      return value as string | number | null;
  }
}

/** Every editable field as its column. */
export function toDeviceColumns(fields: DeviceFields): DeviceColumns {
  const columns: Record<string, string | number | null> = {};
  for (const [key, column] of Object.entries(DEVICE_FIELD_COLUMNS)) {
    columns[column] = columnValue(key as DeviceFieldKey, fields[key as DeviceFieldKey]);
  }
  return columns as unknown as DeviceColumns;
}

/** The domain's fields of a stored row. */
export function toDeviceFields(row: DeviceColumns): DeviceFields {
  return {
    assetTag: row.asset_tag,
    name: row.name,
    deviceClass: row.device_class as DeviceClass,
    manufacturer: row.manufacturer,
    model: row.model,
    hardwareVersion: row.hardware_version,
    serialNumber: row.serial_number,
    firmwareVersion: row.firmware_version,
    firmwareUpdatedOn: row.firmware_updated_on,
    ipAddresses: words(row.ip_addresses),
    macAddresses: words(row.mac_addresses),
    hostname: row.hostname,
    networkZone: row.network_zone,
    internetExposure: row.internet_exposure as InternetExposure,
    site: row.site,
    building: row.building,
    floor: row.floor,
    room: row.room,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    owner: row.owner,
    maintainer: row.maintainer,
    criticality: row.criticality as Criticality,
    dataClasses: words(row.data_classes) as DataClass[],
    safetyRelevant: Number(row.safety_relevant) === 1,
    status: row.status as DeviceStatus,
    disposalMethod: row.disposal_method,
    disposedOn: row.disposed_on,
    installedOn: row.installed_on,
    acquisition: row.acquisition as Acquisition,
    supportUntil: row.support_until,
    endOfSale: row.end_of_sale,
    endOfLife: row.end_of_life,
    cpes: words(row.cpes),
    tags: JSON.parse(row.tags) as string[],
    customFields: JSON.parse(row.custom_fields) as Record<string, string | number | boolean>,
  };
}

/** A stored row as a device (systems are read separately). */
export function toDevice(row: DeviceTable, systemIds: readonly string[] = []): Device {
  return {
    ...toDeviceFields(row),
    id: Number(row.id),
    maintainerProviderId: row.maintainer_provider_id,
    systemIds,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    importId: row.import_id,
  };
}

/**
 * A field's value as the domain has it, from a value stored in a history entry: imports write
 * history in column form (lists as space-separated text, JSON as text, booleans 0/1), single
 * edits in domain form; both read the same.
 */
export function fieldValueFromHistory(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (key === 'ipAddresses' || key === 'macAddresses' || key === 'dataClasses' || key === 'cpes') {
      return words(value);
    }
    if (key === 'tags' || key === 'customFields') return JSON.parse(value) as unknown;
  }
  if (key === 'safetyRelevant' && typeof value === 'number') return value === 1;
  return value;
}
