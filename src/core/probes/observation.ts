import { because, reasonText, type ProbeReason } from './probe-reason';

/** The checks a probe can run; `default-credentials` is the only intrusive one. */
export const PROBE_CHECKS = ['ports', 'telnet', 'ssh', 'tls', 'mqtt', 'http', 'default-credentials'] as const;
export type ProbeCheck = (typeof PROBE_CHECKS)[number];

export type ObservationResult = 'pass' | 'fail' | 'inconclusive';

/**
 * Stable codes of what a check found. Each one names the checksheet items it proves or
 * disproves (`FINDING_ITEMS`); clients translate the code, `reason` is English for terminals.
 */
export type FindingCode =
  /** The ports of a target were scanned (item 47 is about investigating the devices). */
  | 'port_scan_completed'
  | 'host_unreachable'
  | 'host_unresolved'
  | 'port_open'
  /** Open although the scope's list of expected ports does not name it. */
  | 'port_unexpected'
  | 'port_filtered'
  | 'telnet_open'
  | 'ssh_strong_algorithms'
  | 'ssh_weak_algorithms'
  | 'ssh_protocol_1'
  | 'tls_strong'
  | 'tls_old_version'
  | 'tls_weak_key'
  | 'tls_expired'
  | 'tls_not_yet_valid'
  | 'tls_self_signed'
  | 'mqtt_anonymous_accepted'
  | 'mqtt_authentication_required'
  | 'http_server_identified'
  | 'http_cleartext_login'
  | 'default_credential_accepted'
  | 'default_credentials_refused'
  /** A service answered from a vantage point the scope declares as outside (item 24). */
  | 'reachable_from_outside'
  | 'check_inconclusive';

const item = (n: number): string => `jssec-v2:${n}`;

/**
 * The mapping from findings to checksheet items, as data. A finding whose list is empty is
 * recorded as evidence but proves nothing by itself.
 */
export const FINDING_ITEMS: Readonly<Record<FindingCode, readonly string[]>> = {
  port_scan_completed: [item(47)],
  host_unreachable: [item(47)],
  host_unresolved: [],
  port_open: [item(23)],
  port_unexpected: [item(23)],
  port_filtered: [item(23)],
  telnet_open: [item(23), item(32)],
  ssh_strong_algorithms: [item(32)],
  ssh_weak_algorithms: [item(32)],
  ssh_protocol_1: [item(32)],
  tls_strong: [item(32)],
  tls_old_version: [item(32)],
  tls_weak_key: [item(32)],
  tls_expired: [item(32)],
  tls_not_yet_valid: [item(32)],
  tls_self_signed: [item(32)],
  mqtt_anonymous_accepted: [item(26)],
  mqtt_authentication_required: [item(26)],
  http_server_identified: [],
  http_cleartext_login: [item(32)],
  default_credential_accepted: [item(25), item(26)],
  default_credentials_refused: [item(25)],
  reachable_from_outside: [item(24)],
  check_inconclusive: [],
};

/** One thing a probe saw, linked to the items it supports. Never holds a password. */
export interface Observation {
  readonly check: ProbeCheck;
  readonly result: ObservationResult;
  /** Why, in English for terminals; always present for fail and inconclusive. */
  readonly reason?: string;
  /** The same reasons as codes with parameters, for clients to translate (absent on old rows). */
  readonly reasonCodes?: readonly ProbeReason[];
  readonly findings: readonly FindingCode[];
  /** The TCP port, or null for what concerns the target as a whole. */
  readonly port: number | null;
  /** What was sent and received, trimmed (see `trimDetail`). */
  readonly detail: string;
  readonly observedAt: string;
  readonly target: string;
  readonly items: readonly string[];
}

/** Largest detail kept per observation, in UTF-8 bytes. */
export const MAX_DETAIL_BYTES = 2048;

/**
 * Makes evidence text safe to store and show: control bytes become `\xNN` (escape sequences in
 * a banner cannot reach a terminal), and the text is cut to `MAX_DETAIL_BYTES` with a marker.
 */
export function trimDetail(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control = (code < 0x20 && char !== '\n' && char !== '\t') || (code >= 0x7f && code <= 0x9f);
    escaped += control ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }
  const bytes = utf8Length(escaped);
  if (bytes <= MAX_DETAIL_BYTES) return escaped;
  const marker = ' …[trimmed]';
  let cut = escaped.slice(0, MAX_DETAIL_BYTES - marker.length);
  while (utf8Length(cut) > MAX_DETAIL_BYTES - utf8Length(marker)) cut = cut.slice(0, -1);
  return cut + marker;
}

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;

/** What a check reports; `observe` completes it into an Observation. */
export interface ObservationInput {
  readonly check: ProbeCheck;
  readonly result: ObservationResult;
  readonly findings: readonly FindingCode[];
  readonly port: number | null;
  /** Why: one reason or several (said in order, joined). */
  readonly reason?: ProbeReason | readonly ProbeReason[];
  readonly detail?: string;
}

/**
 * Builds an observation: items come from the findings (in order, without repeats), the detail is
 * trimmed, and `secrets` (passwords that were tried) are blanked out of detail and reason.
 */
export function observe(
  target: string,
  input: ObservationInput,
  observedAt: Date,
  secrets: readonly string[] = [],
): Observation {
  const items = [...new Set(input.findings.flatMap((code) => FINDING_ITEMS[code]))];
  const redact = (text: string): string =>
    secrets.filter((secret) => secret.length >= 3).reduce((out, secret) => out.split(secret).join('***'), text);
  const redactReason = (reason: ProbeReason): ProbeReason =>
    because(
      reason.code,
      reason.params &&
        Object.fromEntries(
          Object.entries(reason.params).map(([name, value]) => [
            name,
            typeof value === 'string' ? redact(value) : value,
          ]),
        ),
      reason.causes?.map(redactReason),
    );
  const reasons =
    input.reason === undefined
      ? undefined
      : (Array.isArray(input.reason) ? (input.reason as readonly ProbeReason[]) : [input.reason as ProbeReason]).map(
          redactReason,
        );
  return {
    check: input.check,
    result: input.result,
    ...(reasons !== undefined && reasons.length > 0 ? { reason: reasonText(reasons), reasonCodes: reasons } : {}),
    findings: input.findings,
    port: input.port,
    detail: trimDetail(redact(input.detail ?? '')),
    observedAt: observedAt.toISOString(),
    target,
    items,
  };
}
