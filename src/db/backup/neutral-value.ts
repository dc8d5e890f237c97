import type { DatabaseDialect } from '../database';
import type { NeutralType } from './table-catalog';

/** A column value as a backup holds it: JSON, the same whichever dialect wrote it. */
export type NeutralValue = string | number | boolean | null | NeutralJson;
type NeutralJson = { readonly [key: string]: unknown } | readonly unknown[];

/**
 * A value read from either dialect, made neutral: booleans as true/false (SQLite stores 0/1),
 * 64-bit integers as numbers while exact (PostgreSQL's driver gives strings) else as decimal
 * strings, bytes as base64, dates as ISO-8601 text, JSON as JSON.
 */
export function toNeutral(value: unknown, type: NeutralType): NeutralValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return value === true || value === 1 || value === 1n || value === '1' || value === 't' || value === 'true';
    case 'integer': {
      const text = typeof value === 'bigint' ? value.toString() : String(value);
      const number = Number(text);
      return Number.isSafeInteger(number) ? number : text;
    }
    case 'real':
      return typeof value === 'number' ? value : Number(value);
    case 'bytes':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'json':
      return typeof value === 'string' ? (JSON.parse(value) as NeutralJson) : (value as NeutralJson);
    default:
      return value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : String(value);
  }
}

/** A neutral value ready to bind on `dialect`; throws a plain reason when it does not fit the column. */
export function fromNeutral(value: unknown, type: NeutralType, dialect: DatabaseDialect): unknown {
  if (value === null) return null;
  switch (type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new Error('expected true or false');
      return dialect === 'sqlite' ? (value ? 1 : 0) : value;
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return dialect === 'sqlite' ? BigInt(value) : value;
      throw new Error('expected an integer');
    case 'real':
      if (typeof value !== 'number') throw new Error('expected a number');
      return value;
    case 'bytes':
      if (typeof value !== 'string') throw new Error('expected base64 text');
      return Buffer.from(value, 'base64');
    case 'json':
      return JSON.stringify(value);
    default:
      if (typeof value !== 'string') throw new Error('expected text');
      return value;
  }
}
