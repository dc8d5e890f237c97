/** The fields that differ between two versions of a record: before and after, nothing else. */
export interface FieldChanges {
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

/**
 * Compares two records field by field (deep, by JSON form) and keeps only the changed ones.
 * A field missing on one side (a create or a delete) counts as changed from/to nothing.
 */
export function changedFields(before: object | null, after: object | null): FieldChanges {
  const old = before as Readonly<Record<string, unknown>> | null;
  const next = after as Readonly<Record<string, unknown>> | null;
  const keys = new Set([...Object.keys(old ?? {}), ...Object.keys(next ?? {})]);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    const was = old?.[key];
    const is = next?.[key];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    if (old && key in old) changedBefore[key] = was;
    if (next && key in next) changedAfter[key] = is;
  }
  return { before: changedBefore, after: changedAfter };
}

/** True when nothing differs. */
export function isUnchanged(changes: FieldChanges): boolean {
  return Object.keys(changes.before).length === 0 && Object.keys(changes.after).length === 0;
}
