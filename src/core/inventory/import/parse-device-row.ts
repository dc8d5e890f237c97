import type { ProblemDetail } from '../../domain-error';
import type { DeviceFields } from '../device.types';
import { ENUM_LOOKUPS, enumCodes, foldWord, type EnumField } from '../enum-aliases';
import {
  parseBoolean,
  parseCpe23,
  parseDate,
  parseIpAddress,
  parseMacAddress,
  parseNumber,
  splitCpeList,
  splitList,
} from '../device-values';
import type { CellKind, ImportColumn } from './import-columns';
import type { CustomFieldSpec, ResolvedColumn } from './resolve-columns';

/** The fields one row sets: only the columns the file has (an update leaves the others alone). */
export type RowFields = { -readonly [K in keyof DeviceFields]?: DeviceFields[K] };

export interface ParsedRow {
  readonly row: number;
  readonly fields: RowFields;
  readonly problems: readonly ProblemDetail[];
}

const MAX_TEXT = 1000;

/**
 * Reads one data row (`row` = its number in the file, header = 1) into device fields. Every
 * problem names row, column, field, value and reason; a row with problems is not written.
 */
export function parseDeviceRow(cells: readonly string[], columns: readonly ResolvedColumn[], row: number): ParsedRow {
  const fields: Record<string, unknown> = {};
  let custom: Record<string, string | number | boolean> | undefined;
  let problems: ProblemDetail[] | undefined;
  for (let index = 0; index < columns.length; index++) {
    const resolved = columns[index]!;
    if (resolved.target === 'ignored') continue;
    const raw = cells[index] ?? '';
    const text = raw.trim();
    const fail = (field: string, reason: string, code: ProblemDetail['code'], params?: ProblemDetail['params']) => {
      (problems ??= []).push({
        row,
        column: index + 1,
        field,
        value: clip(raw),
        reason,
        code,
        ...(params && { params }),
      });
    };
    if (text.length > MAX_TEXT) {
      fail(keyOf(resolved), `longer than ${MAX_TEXT} characters`, 'max_length', { limit: MAX_TEXT });
      continue;
    }
    if (resolved.target === 'custom') {
      const value = readCustom(resolved.field, text);
      if (value === undefined) fail(`custom:${resolved.field.key}`, customReason(resolved.field), 'invalid_value');
      else if (value !== '') (custom ??= {})[resolved.field.key] = value;
      continue;
    }
    const { column } = resolved;
    const value = readCell(column, text);
    if (value instanceof CellProblem) fail(column.key, value.reason, value.code, value.params);
    else fields[column.field] = value;
  }
  if (custom) fields['customFields'] = custom;
  if (fields['assetTag'] === '') (problems ??= []).push(blank(row, columns, 'asset_tag'));
  if (fields['name'] === '') (problems ??= []).push(blank(row, columns, 'name'));
  return { row, fields: fields as RowFields, problems: problems ?? [] };
}

class CellProblem {
  constructor(
    readonly reason: string,
    readonly code: ProblemDetail['code'],
    readonly params?: ProblemDetail['params'],
  ) {}
}

const ENUM_FIELDS: Partial<Record<string, EnumField>> = {
  deviceClass: 'deviceClass',
  status: 'status',
  internetExposure: 'internetExposure',
  criticality: 'criticality',
  acquisition: 'acquisition',
  dataClasses: 'dataClasses',
};

function readCell(column: ImportColumn, text: string): unknown {
  const kind: CellKind = column.kind;
  switch (kind) {
    case 'text':
      return text;
    case 'date':
      if (text === '') return null;
      return parseDate(text) ?? new CellProblem('not a date (use YYYY-MM-DD)', 'not_a_date');
    case 'number':
      if (text === '') return null;
      return parseNumber(text) ?? new CellProblem('not a number', 'not_a_number');
    case 'boolean':
      return (
        parseBoolean(text) ?? new CellProblem('not yes/no (はい/いいえ, yes/no, true/false, 1/0)', 'not_a_boolean')
      );
    case 'enum':
      return readEnum(ENUM_FIELDS[column.field]!, text, column.field);
    case 'enumList':
      return readList(splitList(text), (part) => readEnum('dataClasses', part, 'dataClasses'));
    case 'ipList':
      return readList(
        splitList(text),
        (part) => parseIpAddress(part) ?? new CellProblem(`"${clip(part)}" is not an IP address`, 'not_an_ip'),
      );
    case 'macList':
      return readList(
        splitList(text),
        (part) => parseMacAddress(part) ?? new CellProblem(`"${clip(part)}" is not a MAC address`, 'not_a_mac'),
      );
    case 'cpeList':
      return readList(
        splitCpeList(text),
        (part) => parseCpe23(part) ?? new CellProblem(`"${clip(part)}" is not a CPE 2.3 name`, 'not_a_cpe'),
      );
    case 'tagList':
      return [
        ...new Set(
          text
            .split(/[;,、\n]+/u)
            .map((tag) => tag.trim())
            .filter((tag) => tag !== ''),
        ),
      ];
  }
}

const DEFAULT_WHEN_BLANK: Partial<Record<string, string>> = {
  deviceClass: 'other',
  status: 'active',
  internetExposure: 'unknown',
  criticality: 'supporting',
  acquisition: 'unknown',
};

function readEnum(field: EnumField, text: string, key: string): string | CellProblem {
  if (text === '' && DEFAULT_WHEN_BLANK[key]) return DEFAULT_WHEN_BLANK[key]!;
  const code = ENUM_LOOKUPS[field].get(foldWord(text));
  if (code !== undefined) return code;
  const accepted = enumCodes(field).join(', ');
  return new CellProblem(`not one of: ${accepted}`, 'not_allowed_value', { accepted });
}

function readList<T>(parts: readonly string[], read: (part: string) => T | CellProblem): T[] | CellProblem {
  const values: T[] = [];
  for (const part of parts) {
    const value = read(part);
    if (value instanceof CellProblem) return value;
    if (!values.includes(value)) values.push(value);
  }
  return values;
}

function readCustom(field: CustomFieldSpec, text: string): string | number | boolean | undefined {
  if (text === '') return '';
  switch (field.type) {
    case 'text':
      return text;
    case 'number':
      return parseNumber(text);
    case 'date':
      return parseDate(text);
    case 'boolean':
      return parseBoolean(text);
    case 'choice':
      return field.choices.find((choice) => foldWord(choice) === foldWord(text));
  }
}

function customReason(field: CustomFieldSpec): string {
  if (field.type === 'choice') return `not one of: ${field.choices.join(', ')}`;
  return `not a ${field.type}`;
}

function keyOf(resolved: ResolvedColumn): string {
  if (resolved.target === 'device') return resolved.column.key;
  return resolved.target === 'custom' ? `custom:${resolved.field.key}` : resolved.header;
}

function blank(row: number, columns: readonly ResolvedColumn[], key: string): ProblemDetail {
  const index = columns.findIndex((col) => col.target === 'device' && col.column.key === key);
  return { row, column: index + 1, field: key, value: '', reason: 'cannot be blank', code: 'blank' };
}

/** A cell's text as shown in an error: at most 80 characters. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
