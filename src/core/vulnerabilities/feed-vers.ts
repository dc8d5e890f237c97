import type { VersionConstraint, VersionScheme } from './advisory.types';
import { ownValue } from '../own-value';

// `vers` version range specifiers (`vers:deb/>=1.0|<1.3`, used by CSAF product_version_range and
// CycloneDX) → version constraints (issue 13). A vers range may hold several intervals; our
// constraint holds one, so the result is a list (terms of one OR group). `!=` cannot be written as
// intervals we keep: such a range is not read (undefined → the caller keeps the text unparsed).

const SCHEMES: Readonly<Record<string, VersionScheme>> = {
  semver: 'semver',
  npm: 'semver',
  cargo: 'semver',
  golang: 'semver',
  nuget: 'semver',
  deb: 'deb',
  rpm: 'rpm',
  generic: 'generic',
};

const COMPARATOR = /^(>=|<=|!=|<|>|=)?(.+)$/;

/**
 * Parses `vers:<scheme>/<constraints>`; undefined when the text is not a vers range we can read
 * with certainty (unknown comparator order, `!=`, empty constraints). Unknown vers schemes are
 * compared as `generic`.
 */
export function parseVers(text: string): VersionConstraint[] | undefined {
  const match = /^vers:([a-z0-9.+-]+)\/(.*)$/i.exec(text.trim());
  if (!match) return undefined;
  const scheme = ownValue(SCHEMES, match[1]!.toLowerCase()) ?? 'generic';
  const body = match[2]!.replace(/\s+/g, '');
  if (body === '*') return [{ kind: 'all' }];
  if (body === '') return undefined;
  const result: VersionConstraint[] = [];
  let lower: { key: 'startIncluding' | 'startExcluding'; version: string } | undefined;
  for (const part of body.split('|')) {
    const comparator = COMPARATOR.exec(part);
    if (!comparator) return undefined;
    const op = comparator[1] ?? '=';
    const version = decodeURIComponent(comparator[2]!);
    if (op === '!=') return undefined;
    if (op === '=') {
      if (lower) return undefined;
      result.push({ kind: 'range', scheme, exact: version });
    } else if (op === '>=' || op === '>') {
      if (lower) return undefined;
      lower = { key: op === '>=' ? 'startIncluding' : 'startExcluding', version };
    } else {
      const upper = op === '<=' ? { endIncluding: version } : { endExcluding: version };
      result.push({ kind: 'range', scheme, ...(lower ? { [lower.key]: lower.version } : {}), ...upper });
      lower = undefined;
    }
  }
  if (lower) result.push({ kind: 'range', scheme, [lower.key]: lower.version });
  return result.length > 0 ? result : undefined;
}
