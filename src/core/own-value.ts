/**
 * `table[key]` for a key that came from outside (a document, a vector string, a request), counting
 * only the table's own entries: `constructor`, `valueOf` or `__proto__` name no entry, where a
 * plain lookup would hand back a member of Object.prototype.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
