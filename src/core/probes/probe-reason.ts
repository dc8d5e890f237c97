/**
 * Why a probe judged as it did, as a stable code with parameters. These are the English texts:
 * stored rows keep the text `reasonText` makes, and src/contracts/probe-reason-wording.ts puts
 * them beside the Japanese for the web and the CLI to say a reason in the reader's language.
 * Parameters hold only language-neutral facts (numbers, addresses, user names, algorithm names,
 * system error codes). Never rename a code: stored observations carry them.
 */
export const PROBE_REASON_TEXTS = {
  // Reaching a port
  cancelled: 'cancelled',
  connection_refused: 'connection refused',
  no_answer_within: 'no answer within {{ms}} ms',
  connect_timed_out: 'connection timed out',
  network_error: 'network error {{error}}',
  tls_handshake_timeout: 'no TLS handshake within {{ms}} ms',
  tls_handshake_failed: 'TLS handshake failed: {{error}}',
  // How a wait for an answer ended
  timed_out: 'timeout',
  closed_by_peer: 'closed',
  unexpected_answer: 'not an answer of this protocol',
  // Port scan
  host_unresolved: 'the host name did not resolve; nothing was sent',
  no_port_answered: 'no port answered',
  port_filtered: 'filtered',
  port_unreachable: 'unreachable',
  reachable_from_outside: 'reachable from the outside vantage point',
  port_open_unjudged: 'open; no list of expected ports was given to judge it',
  port_unexpected: 'open but not among the expected ports',
  udp_not_checked: 'UDP service (BACnet/IP): a TCP connect scan cannot see it; not checked',
  // Default credentials
  default_credential_accepted: 'default credential accepted for user {{user}}',
  attempts_not_judged: '{{count}} of {{tried}} attempts could not be judged',
  attempts_cancelled: 'cancelled before every attempt was made',
  // HTTP
  http_no_answer: 'no HTTP answer',
  http_basic_in_clear: 'asks for a Basic login over plain HTTP (passwords in clear)',
  http_status_after_login: 'HTTP {{status}} after login',
  http_form_in_clear: 'shows a login form over plain HTTP (passwords in clear)',
  http_form_no_session: 'the login form went away but no session cookie was set',
  http_form_control_accepted: 'a made-up credential was accepted too: success cannot be told from failure',
  http_form_page_lost: 'the login form could not be read again before the attempt',
  // MQTT
  mqtt_no_connack: 'no CONNACK',
  mqtt_anonymous_accepted: 'the broker accepts anonymous clients',
  mqtt_connack_code: 'CONNACK return code {{code}}',
  // SSH
  ssh_no_identification: 'no SSH identification',
  ssh_no_kexinit: 'no SSH_MSG_KEXINIT from the server',
  ssh_kexinit_unreadable: 'the first SSH packet is not a readable KEXINIT',
  ssh_protocol_1_only: 'SSH protocol 1 only',
  ssh_also_protocol_1: 'also speaks SSH protocol 1',
  ssh_weak_algorithms: 'offers weak algorithms: {{algorithms}}',
  ssh_error: 'SSH error: {{message}}',
  // Telnet
  telnet_not_telnet: 'the port is open but did not negotiate Telnet options nor show a login prompt',
  telnet_login_offered: 'Telnet login is offered (cleartext remote login)',
  telnet_answers: 'a Telnet service answers (cleartext protocol)',
  telnet_no_login_prompt: 'no login prompt',
  telnet_no_password_prompt: 'no password prompt after the user name',
  telnet_no_answer_after_password: 'no recognisable answer after the password',
  // TLS
  tls_no_handshake: 'no TLS version completed a handshake',
  tls_accepts_old: 'accepts {{versions}}',
  tls_weak_key: '{{keyType}} key of {{bits}} bits',
  tls_expired: 'certificate expired on {{date}}',
  tls_not_yet_valid: 'certificate not valid before {{date}}',
  tls_self_signed: 'self-signed certificate',
  // Targets refused by a scope or a plan
  target_not_an_address: '"{{value}}" is not an IPv4 or IPv6 address',
  target_bad_prefix: 'prefix length must be a number from 0 to {{bits}}',
  target_too_large: 'covers {{size}} addresses; one entry may cover at most {{max}}',
  target_cidr_too_large: 'covers {{size}} addresses; one entry may cover at most {{max}} (/{{prefix}})',
  target_host_bits: 'host bits are set; the network is {{network}}',
  target_mixed_families: 'both ends of a range must be of the same IP version',
  target_range_reversed: 'the range ends before it starts',
  target_unreadable: 'not an IP address, a CIDR, an address range or a host name',
  target_bad_ip: 'not a valid IP address',
  target_outside_scope: 'outside the scope: {{addresses}}',
  target_outside_scope_many: 'outside the scope: {{count}} addresses ({{first}} … {{last}})',
  target_name_outside_scope: '{{name}} is not declared in the scope and resolves outside it ({{addresses}})',
} as const;

export type ProbeReasonCode = keyof typeof PROBE_REASON_TEXTS;

/** One reason: a code, its parameters, and optionally what caused it (shown in parentheses). */
export interface ProbeReason {
  readonly code: ProbeReasonCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly causes?: readonly ProbeReason[];
}

/** Builds a reason; `causes` are the lower-level reasons behind it (e.g. a timeout). */
export function because(
  code: ProbeReasonCode,
  params?: Readonly<Record<string, string | number>>,
  causes?: readonly ProbeReason[],
): ProbeReason {
  return {
    code,
    ...(params !== undefined ? { params } : {}),
    ...(causes !== undefined && causes.length > 0 ? { causes } : {}),
  };
}

/**
 * How reasons are put into words in one language: a text per code (`{{name}}` stands for a
 * parameter), what joins several reasons, and how a reason wraps its causes.
 */
export interface ProbeReasonWording {
  readonly texts: Readonly<Record<ProbeReasonCode, string>>;
  readonly separator: string;
  /** `{{reason}}` and `{{cause}}` stand for the reason and the text of its causes. */
  readonly withCause: string;
}

/** The English wording: what stored rows and problem details keep in `reason`. */
export const PROBE_REASON_WORDING_EN: ProbeReasonWording = {
  texts: PROBE_REASON_TEXTS,
  separator: '; ',
  withCause: '{{reason}} ({{cause}})',
};

const fill = (template: string, params: Readonly<Record<string, string | number>> = {}): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );

/**
 * One or several reasons in the words given (several joined by its separator, causes wrapped as
 * it says). A code the wording does not know is said as the code itself.
 */
export function sayReasons(reasons: ProbeReason | readonly ProbeReason[], wording: ProbeReasonWording): string {
  const list: readonly ProbeReason[] = Array.isArray(reasons) ? reasons : [reasons as ProbeReason];
  return list
    .map((reason) => {
      const text = fill(wording.texts[reason.code] ?? reason.code, reason.params);
      return reason.causes && reason.causes.length > 0
        ? fill(wording.withCause, { reason: text, cause: sayReasons(reason.causes, wording) })
        : text;
    })
    .join(wording.separator);
}

/** The English text of one or several reasons (several are joined with "; "). */
export function reasonText(reasons: ProbeReason | readonly ProbeReason[]): string {
  return sayReasons(reasons, PROBE_REASON_WORDING_EN);
}

/** The reasons without repeats (by code, parameters and causes), first occurrence first. */
export function distinctReasons(reasons: readonly ProbeReason[]): ProbeReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = JSON.stringify(reason);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A reason as the flat parameters of a problem detail: `{ probeReason: code, ...params }`, so a
 * client that knows the code can say it in its language; causes are left to the English text.
 */
export function reasonParams(reason: ProbeReason): Record<string, string | number> {
  return { probeReason: reason.code, ...reason.params };
}
