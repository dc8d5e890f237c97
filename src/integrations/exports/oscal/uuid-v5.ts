import { createHash } from 'node:crypto';

/** RFC 4122's namespace for names that are URLs (and URNs). */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A name-based (version 5, SHA-1) UUID of `name` within `namespace` (RFC 4122 §4.3): the same inputs always give the same UUID. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// iotcheck's own namespace, itself derived from the URN that names iotcheck's OSCAL vocabulary.
const IOTCHECK_NAMESPACE = uuidV5('urn:iotcheck:oscal', URL_NAMESPACE);

/**
 * The UUID an OSCAL object of iotcheck gets from its stable name (`finding:<id>`, `catalog:<framework>:…`):
 * exports of the same data carry the same UUIDs, so documents are reproducible and diffable.
 */
export function iotcheckUuid(name: string): string {
  return uuidV5(name, IOTCHECK_NAMESPACE);
}
