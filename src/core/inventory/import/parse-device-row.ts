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

/** Reads the data rows of one file: built once per header, then called for every row. */
export type RowParser = (cells: readonly string[], row: number) => ParsedRow;

type CellReader = (text: string) => unknown;

/**
 * Builds the row reader for a file's columns. Every problem names row, column, field, value and
 * reason; a row with problems is not written. (Readers are made once per column, not per cell:
 * an import calls them millions of times.)
 */
export function compileRowParser(columns: readonly ResolvedColumn[]): RowParser {
  const readers: Array<{ index: number; key: string; field: string; custom: boolean; read: CellReader }> = [];
  columns.forEach((resolved, index) => {
    if (resolved.target === 'device') {
      const { column } = resolved;
      readers.push({ index, key: column.key, field: column.field, custom: false, read: cellReader(column) });
    } else if (resolved.target === 'custom') {
      const { field } = resolved;
      readers.push({ index, key: `custom:${field.key}`, field: field.key, custom: true, read: customReader(field) });
    }
  });
  return (cells, row) => {
    const fields: Record<string, unknown> = {};
    let custom: Record<string, unknown> | undefined;
    let problems: ProblemDetail[] | undefined;
    for (const reader of readers) {
      const raw = cells[reader.index] ?? '';
      const text = raw.trim();
      const value = text.length > MAX_TEXT ? TOO_LONG : reader.read(text);
      if (value instanceof CellProblem) {
        (problems ??= []).push(located(value, row, reader.index, reader.key, raw));
      } else if (!reader.custom) {
        fields[reader.field] = value;
      } else if (value !== '') {
        (custom ??= {})[reader.field] = value;
      }
    }
    if (custom) fields['customFields'] = custom;
    if (fields['assetTag'] === '') (problems ??= []).push(blank(row, columns, 'asset_tag'));
    if (fields['name'] === '') (problems ??= []).push(blank(row, columns, 'name'));
    return { row, fields: fields as RowFields, problems: problems ?? [] };
  };
}

/** Reads one row on its own (tests, single rows); imports compile the parser once. */
export function parseDeviceRow(cells: readonly string[], columns: readonly ResolvedColumn[], row: number): ParsedRow {
  return compileRowParser(columns)(cells, row);
}

function located(problem: CellProblem, row: number, index: number, field: string, raw: string): ProblemDetail {
  const detail: ProblemDetail = {
    row,
    column: index + 1,
    field,
    value: clip(raw),
    reason: problem.reason,
    code: problem.code,
  };
  return problem.params ? { ...detail, params: problem.params } : detail;
}

class CellProblem {
  constructor(
    readonly reason: string,
    readonly code: ProblemDetail['code'],
    readonly params?: ProblemDetail['params'],
    /** The offending part of a cell holding several values (the whole cell otherwise). */
    readonly part?: string,
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

const TOO_LONG = new CellProblem(`longer than ${MAX_TEXT} characters`, 'max_length', { limit: MAX_TEXT });
const NOT_A_DATE = new CellProblem('not a date (use YYYY-MM-DD)', 'not_a_date');
const NOT_A_NUMBER = new CellProblem('not a number', 'not_a_number');
const NOT_A_BOOLEAN = new CellProblem('not yes/no (はい/いいえ, yes/no, true/false, 1/0)', 'not_a_boolean');

const readIp = (part: string) =>
  parseIpAddress(part) ?? new CellProblem('not an IP address', 'not_an_ip', undefined, part);
const readMac = (part: string) =>
  parseMacAddress(part) ?? new CellProblem('not a MAC address', 'not_a_mac', undefined, part);
const readCpe = (part: string) =>
  parseCpe23(part) ??
  new CellProblem('not a CPE 2.3 name (cpe:2.3:part:vendor:product:version:…)', 'not_a_cpe', undefined, part);
const readDataClass = (part: string) => readEnum('dataClasses', part, 'dataClasses');

function cellReader(column: ImportColumn): CellReader {
  const kind: CellKind = column.kind;
  switch (kind) {
    case 'text':
      return (text) => text;
    case 'date':
      return (text) => (text === '' ? null : (parseDate(text) ?? NOT_A_DATE));
    case 'number':
      return (text) => (text === '' ? null : (parseNumber(text) ?? NOT_A_NUMBER));
    case 'boolean':
      return (text) => parseBoolean(text) ?? NOT_A_BOOLEAN;
    case 'enum': {
      const field = ENUM_FIELDS[column.field]!;
      return (text) => readEnum(field, text, column.field);
    }
    case 'enumList':
      return (text) => readList(splitList(text), readDataClass);
    case 'ipList':
      return (text) => readList(splitList(text), readIp);
    case 'macList':
      return (text) => readList(splitList(text), readMac);
    case 'cpeList':
      return (text) => readList(splitCpeList(text), readCpe);
    case 'tagList':
      return (text) => [
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
  if (parts.length === 1) {
    const value = read(parts[0]!);
    return value instanceof CellProblem ? value : [value];
  }
  const values: T[] = [];
  for (const part of parts) {
    const value = read(part);
    if (value instanceof CellProblem) return value;
    if (!values.includes(value)) values.push(value);
  }
  return values;
}

function customReader(field: CustomFieldSpec): CellReader {
  const problem = new CellProblem(customReason(field), 'invalid_value');
  return (text) => readCustom(field, text) ?? problem;
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

function blank(row: number, columns: readonly ResolvedColumn[], key: string): ProblemDetail {
  const index = columns.findIndex((col) => col.target === 'device' && col.column.key === key);
  return { row, column: index + 1, field: key, value: '', reason: 'cannot be blank', code: 'blank' };
}

/** A cell's text as shown in an error: at most 80 characters. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
