import { randomBytes } from 'node:crypto';

/** A URL-safe short name; names without Latin letters (日本語) get a random one. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}
