import { DomainError } from '../../../core/domain-error';

// Keyset cursors of the vulnerability views: the last row's sort key, tagged with the list it
// belongs to, as base64url JSON. Opaque to clients; a cursor of another list or a damaged one is
// refused with a located error rather than silently restarting at the first page.

/** The most rows one page returns, whatever the client asks. */
export const MAX_PAGE = 500;
/** Rows per page when the client does not say. */
export const DEFAULT_PAGE = 100;

/** The page size to read: the asked limit within 1..MAX_PAGE, else DEFAULT_PAGE. */
export const pageSize = (limit: number | undefined) =>
  limit === undefined ? DEFAULT_PAGE : Math.min(MAX_PAGE, Math.max(1, Math.trunc(limit)));

/** What each value of a key must be, in order. */
export type KeyShape = readonly ('number' | 'string')[];

/** The opaque text of a sort key of list `list`. */
export function encodeViewCursor(list: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The sort key a cursor holds, undefined for no cursor; VALIDATION_FAILED on `cursor` when it is not one of `list`'s. */
export function decodeViewCursor<K extends readonly (string | number)[]>(
  list: string,
  shape: KeyShape,
  cursor: string | undefined,
): K | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === shape.length + 1 &&
    parsed[0] === list &&
    shape.every((kind, index) => {
      const value: unknown = parsed[index + 1];
      return kind === 'number' ? typeof value === 'number' && Number.isSafeInteger(value) : typeof value === 'string';
    });
  if (!valid)
    throw new DomainError('VALIDATION_FAILED', 'The page cursor does not belong to this list.', [
      { field: 'cursor', reason: `not a cursor of the ${list} list`, code: 'invalid_value' },
    ]);
  return (parsed as unknown[]).slice(1) as unknown as K;
}

/** A page from `limit + 1` rows read: the first `limit`, and the cursor after the last when more follow. */
export function toPage<R extends { key: readonly (string | number)[] }, T>(
  list: string,
  rows: readonly R[],
  limit: number,
  present: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  return {
    items: kept.map(present),
    nextCursor: rows.length > limit && kept.length > 0 ? encodeViewCursor(list, kept[kept.length - 1]!.key) : null,
  };
}
