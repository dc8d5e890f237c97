import { DomainError, type ProblemDetail } from '../domain-error';
import { addressBits, formatIpAddress, parseIpAddress, type IpAddress } from './ip-address';
import { because, reasonParams, reasonText, type ProbeReason, type ProbeReasonCode } from './probe-reason';

/**
 * Limits of a scope, chosen so that a typo cannot turn a probe into a sweep of a whole network:
 * one entry covers at most a /16 (IPv4) or a /112 (IPv6), i.e. 65,536 addresses, and the sum of
 * all entries (overlaps counted twice) is capped at the same 65,536 addresses.
 */
export const SCOPE_LIMITS = {
  maxAddressesPerEntry: 65_536,
  maxAddresses: 65_536,
  maxEntries: 1_000,
  maxHostnames: 256,
} as const;

/** A contiguous block of addresses (a CIDR, a range or one address), as written by the admin. */
export interface NetworkEntry {
  readonly kind: 'network';
  readonly text: string;
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

/** A host name; the probe contacts what it resolves to when the plan is made (never re-resolved). */
export interface HostnameEntry {
  readonly kind: 'hostname';
  readonly text: string;
  readonly name: string;
}

export type ScopeEntry = NetworkEntry | HostnameEntry;

/** Where the probe runs from: `outside` means a reachable service is itself a finding (item 24). */
export type Vantage = 'inside' | 'outside';

/** A parsed, validated scope: what a probe may ever contact, and how. */
export interface Scope {
  readonly entries: readonly ScopeEntry[];
  /** Sum of the sizes of the network entries. */
  readonly addressCount: number;
  /** Intrusive checks (default-credential attempts) are allowed; off unless the admin turned it on. */
  readonly allowCredentials: boolean;
  readonly vantage: Vantage;
}

/** What an admin declares; `targets` is a list or a comma/space/newline separated text. */
export interface ScopeDefinition {
  readonly targets: readonly string[] | string;
  readonly allowCredentials?: boolean;
  readonly vantage?: Vantage;
}

const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Splits a target text on commas, spaces and line breaks, dropping empty pieces. */
export function splitTargets(targets: readonly string[] | string): string[] {
  const list = typeof targets === 'string' ? [targets] : targets;
  return list.flatMap((text) => text.split(/[\s,]+/)).filter((text) => text !== '');
}

/** Why a target text is refused: the English text and the same as a code to translate. */
export interface TargetRefusal {
  readonly reason: string;
  readonly because: ProbeReason;
}

const refuse = (code: ProbeReasonCode, params?: Readonly<Record<string, string | number>>): TargetRefusal => {
  const reason = because(code, params);
  return { reason: reasonText(reason), because: reason };
};

/**
 * Parses one target: `10.0.0.0/24`, `10.0.1.5-10.0.1.9` (or `10.0.1.5-9`), `10.0.0.7`, `fd00::/120`,
 * `cam.local`. Returns the entry or the reason it is refused.
 */
export function parseTarget(text: string): ScopeEntry | TargetRefusal {
  const slash = text.indexOf('/');
  if (slash >= 0) return parseCidr(text, text.slice(0, slash), text.slice(slash + 1));
  const single = parseIpAddress(text);
  if (single) return network(text, single, single.value);
  const dash = text.indexOf('-');
  if (dash > 0 && /^[0-9a-fA-F:.]+-[0-9a-fA-F:.]+$/.test(text)) return parseRange(text, dash);
  return parseHostname(text);
}

function network(text: string, first: IpAddress, last: bigint): NetworkEntry {
  return { kind: 'network', text, family: first.family, first: first.value, last };
}

function parseCidr(text: string, addressText: string, prefixText: string): ScopeEntry | TargetRefusal {
  const address = parseIpAddress(addressText);
  if (!address) return refuse('target_not_an_address', { value: addressText });
  const bits = addressBits(address.family);
  if (!/^\d{1,3}$/.test(prefixText) || BigInt(prefixText) > bits) {
    return refuse('target_bad_prefix', { bits: Number(bits) });
  }
  const hostBits = bits - BigInt(prefixText);
  const size = 1n << hostBits;
  if (size > BigInt(SCOPE_LIMITS.maxAddressesPerEntry)) {
    return refuse('target_cidr_too_large', {
      size: String(size),
      max: SCOPE_LIMITS.maxAddressesPerEntry,
      prefix: address.family === 4 ? 16 : 112,
    });
  }
  if ((address.value & (size - 1n)) !== 0n) {
    const base = formatIpAddress({ family: address.family, value: address.value & ~(size - 1n) });
    return refuse('target_host_bits', { network: `${base}/${prefixText}` });
  }
  return network(text, address, address.value + size - 1n);
}

function parseRange(text: string, dash: number): ScopeEntry | TargetRefusal {
  const first = parseIpAddress(text.slice(0, dash));
  if (!first) return refuse('target_not_an_address', { value: text.slice(0, dash) });
  const endText = text.slice(dash + 1);
  // `10.0.1.5-9`: a bare number ends the range within the same last octet.
  const last =
    first.family === 4 && /^\d{1,3}$/.test(endText) && Number(endText) <= 255
      ? { family: 4 as const, value: (first.value & ~0xffn) | BigInt(endText) }
      : parseIpAddress(endText);
  if (!last) return refuse('target_not_an_address', { value: endText });
  if (last.family !== first.family) return refuse('target_mixed_families');
  if (last.value < first.value) return refuse('target_range_reversed');
  const size = last.value - first.value + 1n;
  if (size > BigInt(SCOPE_LIMITS.maxAddressesPerEntry)) {
    return refuse('target_too_large', { size: String(size), max: SCOPE_LIMITS.maxAddressesPerEntry });
  }
  return network(text, first, last.value);
}

function parseHostname(text: string): ScopeEntry | TargetRefusal {
  const name = text.toLowerCase().replace(/\.$/, '');
  const labels = name.split('.');
  if (name.length === 0 || name.length > 253 || !labels.every((label) => HOSTNAME_LABEL.test(label))) {
    return refuse('target_unreadable');
  }
  // An all-numeric name such as 10.0.0.300 is a mistyped address, not a host.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return refuse('target_bad_ip');
  return { kind: 'hostname', text, name };
}

/** Number of addresses in a network entry. */
export function entrySize(entry: NetworkEntry): number {
  return Number(entry.last - entry.first + 1n);
}

/**
 * Parses and validates a scope. Throws VALIDATION_FAILED listing every refused entry
 * (`path: targets[i]`, the value, the reason) and the limits exceeded; nothing is partially accepted.
 */
export function defineScope(definition: ScopeDefinition, field = 'targets'): Scope {
  const texts = splitTargets(definition.targets);
  const problems: ProblemDetail[] = [];
  const entries: ScopeEntry[] = [];
  texts.forEach((text, index) => {
    const parsed = parseTarget(text);
    if ('reason' in parsed) {
      problems.push({
        field,
        path: `${field}[${index}]`,
        value: text.slice(0, 100),
        reason: parsed.reason,
        code: 'invalid_value',
        params: reasonParams(parsed.because),
      });
    } else entries.push(parsed);
  });
  if (texts.length === 0) problems.push({ field, reason: 'a scope needs at least one target', code: 'missing' });
  if (texts.length > SCOPE_LIMITS.maxEntries) {
    problems.push({
      field,
      reason: `at most ${SCOPE_LIMITS.maxEntries} entries`,
      code: 'max_length',
      params: { max: SCOPE_LIMITS.maxEntries },
    });
  }
  const addressCount = entries.reduce((sum, entry) => sum + (entry.kind === 'network' ? entrySize(entry) : 0), 0);
  if (addressCount > SCOPE_LIMITS.maxAddresses) {
    problems.push({
      field,
      reason: `the entries cover ${addressCount} addresses; a scope may cover at most ${SCOPE_LIMITS.maxAddresses}`,
      code: 'invalid_value',
      params: { max: SCOPE_LIMITS.maxAddresses },
    });
  }
  const hostnames = entries.filter((entry) => entry.kind === 'hostname').length;
  if (hostnames > SCOPE_LIMITS.maxHostnames) {
    problems.push({ field, reason: `at most ${SCOPE_LIMITS.maxHostnames} host names`, code: 'invalid_value' });
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The probe scope is not valid.', problems);
  return {
    entries,
    addressCount,
    allowCredentials: definition.allowCredentials ?? false,
    vantage: definition.vantage ?? 'inside',
  };
}

/**
 * True when `address` (an IP text) lies inside one of the scope's network entries. Host-name
 * entries do not match here: their resolution is admitted by `planTargets`, which records it.
 */
export function inScope(scope: Scope, address: string): boolean {
  const parsed = parseIpAddress(address);
  if (!parsed) return false;
  return scope.entries.some(
    (entry) =>
      entry.kind === 'network' &&
      entry.family === parsed.family &&
      entry.first <= parsed.value &&
      parsed.value <= entry.last,
  );
}

/** The addresses of a network entry in order, as canonical texts. */
export function entryAddresses(entry: NetworkEntry): string[] {
  const out: string[] = [];
  for (let value = entry.first; value <= entry.last; value += 1n)
    out.push(formatIpAddress({ family: entry.family, value }));
  return out;
}
