// A lone UTF-16 surrogate has no UTF-8 form: SQLite stores it as invalid UTF-8, PostgreSQL's driver
// as U+FFFD, and a hash over the JavaScript string then differs from one over what was stored.
// In `u` mode a surrogate pair is one code point, so this matches unpaired halves only.
const LONE_SURROGATE = /\p{Surrogate}/u;
const LONE_SURROGATES = /\p{Surrogate}/gu;

/** True when `text` is well-formed UTF-16 (no unpaired surrogate), so it has an exact UTF-8 form. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** `text` with every unpaired surrogate replaced by U+FFFD, as String.prototype.toWellFormed does. */
export function toWellFormedText(text: string): string {
  return isWellFormedText(text) ? text : text.replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * Paths (`email`, `answers/3/comment`; '' for the value itself) of every string, or object key,
 * in `value` that is not well-formed. Empty when all text in it can be stored and hashed exactly.
 */
export function findIllFormedText(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value as Record<string, unknown>);
  for (const [key, inner] of entries) {
    const name = toWellFormedText(String(key));
    const innerPath = path === '' ? name : `${path}/${name}`;
    if (typeof key === 'string' && !isWellFormedText(key)) found.push(innerPath);
    found.push(...findIllFormedText(inner, innerPath));
  }
  return found;
}

/** A deep copy of JSON-like `value` with every string (and object key) made well-formed. */
export function toWellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return toWellFormedText(value) as T;
  if (Array.isArray(value)) return value.map((inner: unknown) => toWellFormedDeep(inner)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      toWellFormedText(key),
      toWellFormedDeep(inner),
    ]),
  ) as T;
}
