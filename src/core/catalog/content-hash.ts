import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

/** sha256 (hex) of a framework's canonical content: metadata, nodes and outgoing crosswalks. */
export function hashFrameworkContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
