import type { DeviceSort, SortDirection } from '../../core/inventory/device-filter';

/** Where a page ended: the order it was read in, and the last row's sort value and id. */
export interface DeviceCursor {
  readonly sort: DeviceSort;
  readonly dir: SortDirection;
  readonly value: string;
  readonly id: number;
}

/** The opaque text a client passes back as `after` (base64url of JSON). */
export function encodeDeviceCursor(cursor: DeviceCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.value, cursor.id])).toString('base64url');
}

/** The cursor a text names, or undefined when it is not one of ours. */
export function decodeDeviceCursor(text: string): DeviceCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
    const [sort, dir, value, id] = parsed as unknown[];
    if (typeof sort !== 'string' || (dir !== 'asc' && dir !== 'desc') || typeof value !== 'string') return undefined;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
    return { sort: sort as DeviceSort, dir, value, id };
  } catch {
    return undefined;
  }
}
