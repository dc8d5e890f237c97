import type { Device, DeviceFields } from './device.types';

// The columns of an inventory export, under the canonical English headers an import reads, so
// an exported file imports again unchanged. Several values in one cell are joined with ';'.

/** Header → the device field it holds, in file order. */
export const DEVICE_EXPORT_COLUMNS = [
  ['asset_tag', 'assetTag'],
  ['name', 'name'],
  ['class', 'deviceClass'],
  ['manufacturer', 'manufacturer'],
  ['model', 'model'],
  ['hardware_version', 'hardwareVersion'],
  ['serial_number', 'serialNumber'],
  ['firmware_version', 'firmwareVersion'],
  ['firmware_updated_on', 'firmwareUpdatedOn'],
  ['ip_address', 'ipAddresses'],
  ['mac_address', 'macAddresses'],
  ['hostname', 'hostname'],
  ['network_zone', 'networkZone'],
  ['internet_exposure', 'internetExposure'],
  ['site', 'site'],
  ['building', 'building'],
  ['floor', 'floor'],
  ['room', 'room'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['owner', 'owner'],
  ['maintainer', 'maintainer'],
  ['criticality', 'criticality'],
  ['data_classes', 'dataClasses'],
  ['safety_relevant', 'safetyRelevant'],
  ['status', 'status'],
  ['disposal_method', 'disposalMethod'],
  ['disposed_on', 'disposedOn'],
  ['installed_on', 'installedOn'],
  ['acquisition', 'acquisition'],
  ['end_of_support', 'supportUntil'],
  ['end_of_sale', 'endOfSale'],
  ['end_of_life', 'endOfLife'],
  ['cpe', 'cpes'],
  ['tags', 'tags'],
] as const satisfies readonly (readonly [string, keyof DeviceFields])[];

/** The header row. */
export const DEVICE_EXPORT_HEADERS: readonly string[] = DEVICE_EXPORT_COLUMNS.map(([header]) => header);

/** One device as the cells of an export row (lists joined with ';', no value as an empty cell). */
export function deviceExportCells(device: Device): string[] {
  return DEVICE_EXPORT_COLUMNS.map(([, key]) => {
    const value = device[key];
    if (value === null) return '';
    if (Array.isArray(value)) return value.join(';');
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return String(value);
  });
}
