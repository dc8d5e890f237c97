/** Rows of the inventory tables (migration 20261202-0001). Booleans 0/1; JSON and lists as text. */
export interface DeviceTable {
  id: number | string; // integer on SQLite, bigint (returned as text) on PostgreSQL
  organisation_id: string;
  asset_tag: string;
  name: string;
  device_class: string;
  manufacturer: string;
  model: string;
  hardware_version: string;
  serial_number: string;
  firmware_version: string;
  ip_addresses: string;
  mac_addresses: string;
  hostname: string;
  network_zone: string;
  site: string;
  building: string;
  floor: string;
  room: string;
  owner: string;
  maintainer: string;
  data_classes: string;
  disposal_method: string;
  cpes: string;
  firmware_updated_on: string | null;
  installed_on: string | null;
  disposed_on: string | null;
  support_until: string | null;
  end_of_sale: string | null;
  end_of_life: string | null;
  internet_exposure: string;
  latitude: number | null;
  longitude: number | null;
  maintainer_provider_id: string | null;
  criticality: string;
  safety_relevant: number;
  status: string;
  acquisition: string;
  tags: string;
  custom_fields: string;
  import_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DeviceSystemTable {
  organisation_id: string;
  device_id: number | string;
  system_id: string;
}

export interface DeviceFacetCountTable {
  organisation_id: string;
  facet: string;
  value: string;
  count: number;
}

export interface InventoryImportTable {
  id: string;
  organisation_id: string;
  file_name: string;
  format: string;
  encoding: string;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  skipped_count: number;
  imported_by: string | null;
  started_at: string;
  finished_at: string;
}

export interface InventoryHistoryTable {
  id: string;
  organisation_id: string;
  entity_kind: string;
  entity_id: string;
  version: number;
  action: string;
  changed_at: string;
  changed_by: string | null;
  import_id: string | null;
  before: string | null;
  after: string | null;
}

export interface CustomFieldDefinitionTable {
  organisation_id: string;
  key: string;
  label_ja: string;
  label_en: string;
  field_type: string;
  choices: string;
  required: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InventoryColumnMappingTable {
  organisation_id: string;
  mapping: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface InventorySavedViewTable {
  id: string;
  organisation_id: string;
  owner_user_id: string | null;
  name: string;
  query: string;
  created_at: string;
}

export interface ProviderTable {
  id: string;
  organisation_id: string;
  name: string;
  kind: string;
  contacts: string;
  support_window: string;
  disclosure_contact: string;
  certifications: string;
  contracts: string;
  data_ownership: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StakeholderTable {
  id: string;
  organisation_id: string;
  role: string;
  party_kind: string;
  name: string;
  affiliation: string;
  contact: string;
  deputy_name: string;
  deputy_contact: string;
  scope_kind: string;
  scope_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DataFlowTable {
  id: string;
  organisation_id: string;
  system_id: string | null;
  from_kind: string;
  from_ref: string;
  from_country: string | null;
  to_kind: string;
  to_ref: string;
  to_country: string | null;
  protocol: string;
  port: number | null;
  data_classes: string;
  encrypted: string;
  crosses_internet: number;
  crosses_border: number;
  description: string;
  version: number;
  created_at: string;
  updated_at: string;
}
