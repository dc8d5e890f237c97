import { CRITICALITIES } from '../assessment/assessment.types';
import type { ProblemDetail, ReasonCode } from '../domain-error';
import {
  ACQUISITIONS,
  DATA_CLASSES,
  DEVICE_CLASSES,
  DEVICE_STATUSES,
  INTERNET_EXPOSURES,
  type DeviceFields,
} from './device.types';
import { parseCpe23, parseDate, parseIpAddress, parseMacAddress } from './device-values';

// Checks device field values given by the API or the CLI (typed JSON, not spreadsheet cells: the
// import has its own cell parsers) and normalises them the same way the import stores them.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Some device fields, as a client sent them (unknown values: every one is checked here). */
export type DeviceFieldsInput = { readonly [K in keyof DeviceFields]?: unknown };

/** The checked fields (only those given) and every problem found, each naming its field. */
export interface DeviceFieldsCheck {
  readonly fields: Partial<DeviceFields>;
  readonly problems: readonly ProblemDetail[];
}

const TEXT_LIMITS = {
  assetTag: 100,
  name: 200,
  manufacturer: 200,
  model: 200,
  hardwareVersion: 100,
  serialNumber: 200,
  firmwareVersion: 100,
  hostname: 253,
  networkZone: 200,
  site: 200,
  building: 200,
  floor: 100,
  room: 200,
  owner: 200,
  maintainer: 200,
  disposalMethod: 1000,
} as const satisfies Partial<Record<keyof DeviceFields, number>>;

const ENUMS = {
  deviceClass: DEVICE_CLASSES,
  internetExposure: INTERNET_EXPOSURES,
  criticality: CRITICALITIES,
  status: DEVICE_STATUSES,
  acquisition: ACQUISITIONS,
} as const satisfies Partial<Record<keyof DeviceFields, readonly string[]>>;

const DATES = ['firmwareUpdatedOn', 'installedOn', 'disposedOn', 'supportUntil', 'endOfSale', 'endOfLife'] as const;

const LISTS = {
  ipAddresses: { parse: parseIpAddress, reason: 'not an IP address' },
  macAddresses: { parse: parseMacAddress, reason: 'not a MAC address' },
  cpes: { parse: parseCpe23, reason: 'not a CPE 2.3 name (cpe:2.3:part:vendor:product:…, 13 parts)' },
  dataClasses: {
    parse: (text: string) => ((DATA_CLASSES as readonly string[]).includes(text) ? text : undefined),
    reason: `one of ${DATA_CLASSES.join(', ')}`,
  },
} as const;

const CUSTOM_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Checks and normalises the given device fields: texts trimmed and within their limits, asset
 * tag and name not blank, enumerations among their codes, days real (YYYY-MM-DD), addresses and
 * CPE names parsed (MAC in lower-case colon form, duplicates dropped), coordinates in range.
 */
export function validateDeviceFields(input: DeviceFieldsInput): DeviceFieldsCheck {
  const fields: Partial<Mutable<DeviceFields>> = {};
  const problems: ProblemDetail[] = [];
  const refuse = (field: string, reason: string, code: ReasonCode, params?: Record<string, string | number>) =>
    problems.push({ field, reason, code, ...(params ? { params } : {}) });
  const set = <K extends keyof DeviceFields>(key: K, value: DeviceFields[K]) => {
    fields[key] = value;
  };

  for (const [key, limit] of Object.entries(TEXT_LIMITS) as [keyof typeof TEXT_LIMITS, number][]) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') refuse(key, 'must be text', 'invalid_value');
    else if ((key === 'assetTag' || key === 'name') && value.trim() === '') refuse(key, 'cannot be blank', 'blank');
    else if (value.trim().length > limit) refuse(key, `use at most ${limit} characters`, 'max_length', { limit });
    else set(key, value.trim());
  }
  for (const [key, allowed] of Object.entries(ENUMS) as [keyof typeof ENUMS, readonly string[]][]) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && allowed.includes(value)) set(key, value as never);
    else refuse(key, `one of ${allowed.join(', ')}`, 'not_allowed_value');
  }
  for (const key of DATES) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null || value === '') set(key, null);
    else {
      const day = typeof value === 'string' ? parseDate(value) : undefined;
      if (day === undefined) refuse(key, 'not a date (YYYY-MM-DD)', 'not_a_date');
      else set(key, day);
    }
  }
  for (const [key, { parse, reason }] of Object.entries(LISTS) as [
    keyof typeof LISTS,
    (typeof LISTS)[keyof typeof LISTS],
  ][]) {
    const value = input[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      refuse(key, 'must be a list', 'invalid_value');
      continue;
    }
    const parsed: string[] = [];
    value.forEach((item: unknown, index) => {
      const normal = typeof item === 'string' ? parse(item.trim()) : undefined;
      if (normal === undefined) refuse(`${key}[${index}]`, `${JSON.stringify(item)}: ${reason}`, 'bad_format');
      else if (!parsed.includes(normal)) parsed.push(normal);
    });
    set(key, parsed as never);
  }
  checkCoordinate(input.latitude, 'latitude', 90, set, refuse);
  checkCoordinate(input.longitude, 'longitude', 180, set, refuse);
  if (input.safetyRelevant !== undefined) {
    if (typeof input.safetyRelevant === 'boolean') set('safetyRelevant', input.safetyRelevant);
    else refuse('safetyRelevant', 'true or false', 'invalid_value');
  }
  if (input.tags !== undefined) {
    const tags = checkTags(input.tags, refuse);
    if (tags) set('tags', tags);
  }
  if (input.customFields !== undefined) {
    const custom = input.customFields;
    if (typeof custom !== 'object' || custom === null || Array.isArray(custom))
      refuse('customFields', 'must be an object of values', 'invalid_value');
    else {
      const entries = Object.entries(custom as Record<string, unknown>);
      for (const [name, value] of entries) {
        if (!CUSTOM_KEY.test(name)) refuse(`customFields.${name}`, 'names are a-z, 0-9 and _', 'bad_format');
        else if (!['string', 'number', 'boolean'].includes(typeof value))
          refuse(`customFields.${name}`, 'text, a number, or true/false', 'invalid_value');
        else if (typeof value === 'string' && value.length > 1000)
          refuse(`customFields.${name}`, 'use at most 1000 characters', 'max_length', { limit: 1000 });
      }
      set('customFields', custom as DeviceFields['customFields']);
    }
  }
  return { fields, problems };
}

function checkCoordinate(
  value: unknown,
  key: 'latitude' | 'longitude',
  limit: number,
  set: (key: 'latitude' | 'longitude', value: number | null) => void,
  refuse: (field: string, reason: string, code: ReasonCode) => void,
): void {
  if (value === undefined) return;
  if (value === null) set(key, null);
  else if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit) set(key, value);
  else refuse(key, `a number from -${limit} to ${limit}`, 'invalid_value');
}

function checkTags(
  value: unknown,
  refuse: (field: string, reason: string, code: ReasonCode, params?: Record<string, string | number>) => void,
): string[] | undefined {
  if (!Array.isArray(value)) {
    refuse('tags', 'must be a list', 'invalid_value');
    return undefined;
  }
  const tags: string[] = [];
  value.forEach((tag: unknown, index) => {
    if (typeof tag !== 'string' || tag.trim() === '') refuse(`tags[${index}]`, 'cannot be blank', 'blank');
    else if (tag.trim().length > 100)
      refuse(`tags[${index}]`, 'use at most 100 characters', 'max_length', { limit: 100 });
    else if (!tags.includes(tag.trim())) tags.push(tag.trim());
  });
  return tags;
}
