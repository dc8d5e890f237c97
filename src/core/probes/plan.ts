import { DomainError, type ProblemDetail } from '../domain-error';
import { formatIpAddress, parseIpAddress } from './ip-address';
import { PROBE_CHECKS, type ProbeCheck } from './observation';
import { entryAddresses, inScope, parseTarget, splitTargets, type Scope, type Vantage } from './scope';
import { because, reasonParams, reasonText, type ProbeReason } from './probe-reason';

/** The common IoT ports scanned when none are given. 47808 (BACnet) is UDP: see `UDP_ONLY_PORTS`. */
export const DEFAULT_PORTS: readonly number[] = [
  21, 22, 23, 80, 443, 502, 554, 1883, 2323, 7547, 8080, 8443, 8883, 47808,
];

/**
 * Ports whose service speaks UDP only. A TCP connect scan cannot see them, so the probe still
 * tries TCP (some gateways also listen there) and reports a closed or filtered answer on these
 * ports as inconclusive ("UDP service, not checked") rather than as absent.
 */
export const UDP_ONLY_PORTS: ReadonlySet<number> = new Set([47808]);

/** Most connections one plan may open for its port scan (targets × ports). */
export const MAX_PLANNED_CONNECTIONS = 1_048_576;

/** One address the probe will contact, and the declared host name it came from, if any. */
export interface PlannedTarget {
  readonly address: string;
  readonly hostname?: string;
}

/** Everything a probe will do, decided before any packet: this is also the dry run. */
export interface ProbePlan {
  readonly targets: readonly PlannedTarget[];
  /** Host names that resolved to nothing: reported, never contacted. */
  readonly unresolved: readonly string[];
  readonly ports: readonly number[];
  readonly checks: readonly ProbeCheck[];
  readonly allowCredentials: boolean;
  readonly vantage: Vantage;
  /** Ports the admin expects to be open; when given, any other open port fails item 23. */
  readonly expectedPorts?: readonly number[];
  /** targets × ports: the TCP connections of the scan (service checks come on top, on open ports only). */
  readonly connections: number;
}

export interface PlanOptions {
  /** Targets to probe, each inside the scope; the whole scope when absent. */
  readonly subset?: readonly string[] | string;
  /** Resolution of host names (done by the caller, once): name → addresses. */
  readonly resolved?: ReadonlyMap<string, readonly string[]>;
  readonly ports?: readonly number[];
  readonly checks?: readonly ProbeCheck[];
  readonly expectedPorts?: readonly number[];
}

/**
 * Plans a probe. The rule for host names: a host name DECLARED in the scope may be probed at
 * whatever it resolves to (the admin named the host, not an address), and that resolution is
 * pinned in the plan; any other name (in a subset) is admitted only when every address it
 * resolves to lies inside the scope's address entries. A subset that reaches outside the scope
 * is refused as a whole: VALIDATION_FAILED with one detail per outside target and
 * `extensions.outside` listing the addresses, before anything is sent.
 */
export function planTargets(scope: Scope, options: PlanOptions = {}): ProbePlan {
  const problems: ProblemDetail[] = [];
  const ports = validatePorts(options.ports ?? DEFAULT_PORTS, 'ports', problems);
  const expectedPorts = options.expectedPorts
    ? validatePorts(options.expectedPorts, 'expectedPorts', problems)
    : undefined;
  const checks = validateChecks(scope, options.checks, problems);
  const resolved = options.resolved ?? new Map<string, readonly string[]>();
  const declared = new Set(scope.entries.flatMap((entry) => (entry.kind === 'hostname' ? [entry.name] : [])));
  const targets = new Map<string, PlannedTarget>();
  const unresolved: string[] = [];
  const outside: string[] = [];
  const add = (address: string, hostname?: string): void => {
    if (!targets.has(address)) targets.set(address, hostname === undefined ? { address } : { address, hostname });
  };

  const wanted = options.subset === undefined ? scope.entries.map((entry) => entry.text) : splitTargets(options.subset);
  wanted.forEach((text, index) => {
    const entry = parseTarget(text);
    const path = `targets[${index}]`;
    if ('reason' in entry) {
      problems.push({
        field: 'targets',
        path,
        value: text.slice(0, 100),
        reason: entry.reason,
        code: 'invalid_value',
        params: reasonParams(entry.because),
      });
      return;
    }
    if (entry.kind === 'network') {
      if (entry.last - entry.first >= 65_536n) {
        const tooLarge = because('target_too_large', { size: String(entry.last - entry.first + 1n), max: 65_536 });
        problems.push({
          field: 'targets',
          path,
          value: text,
          reason: reasonText(tooLarge),
          code: 'invalid_value',
          params: reasonParams(tooLarge),
        });
        return;
      }
      const addresses = entryAddresses(entry);
      const away = addresses.filter((address) => !inScope(scope, address));
      if (away.length > 0) {
        outside.push(...away);
        problems.push({
          field: 'targets',
          path,
          value: text,
          reason: reasonText(outsideReason(away)),
          code: 'not_allowed_value',
          params: reasonParams(outsideReason(away)),
        });
      } else addresses.forEach((address) => add(address));
      return;
    }
    const addresses = (resolved.get(entry.name) ?? []).map(canonical);
    if (addresses.length === 0) {
      if (!unresolved.includes(entry.name)) unresolved.push(entry.name);
      return;
    }
    if (declared.has(entry.name)) {
      addresses.forEach((address) => add(address, entry.name));
      return;
    }
    const away = addresses.filter((address) => !inScope(scope, address));
    const nameOutside = because('target_name_outside_scope', { name: entry.name, addresses: away.join(', ') });
    if (away.length > 0) {
      outside.push(...away);
      problems.push({
        field: 'targets',
        path,
        value: text,
        reason: reasonText(nameOutside),
        code: 'not_allowed_value',
        params: reasonParams(nameOutside),
      });
    } else addresses.forEach((address) => add(address, entry.name));
  });

  const connections = targets.size * ports.length;
  if (connections > MAX_PLANNED_CONNECTIONS) {
    problems.push({
      field: 'ports',
      reason: `${connections} connections; a probe may plan at most ${MAX_PLANNED_CONNECTIONS}`,
      code: 'invalid_value',
    });
  }
  if (problems.length > 0) {
    const message =
      outside.length > 0 ? 'Targets outside the scope were refused; nothing was sent.' : 'The probe plan is not valid.';
    throw new DomainError(
      'VALIDATION_FAILED',
      message,
      problems,
      outside.length > 0 ? { outside: outside.slice(0, 1000) } : {},
    );
  }
  return {
    targets: [...targets.values()],
    unresolved,
    ports,
    checks,
    allowCredentials: scope.allowCredentials,
    vantage: scope.vantage,
    ...(expectedPorts ? { expectedPorts } : {}),
    connections,
  };
}

function canonical(address: string): string {
  const parsed = parseIpAddress(address);
  return parsed ? formatIpAddress(parsed) : address;
}

function validatePorts(ports: readonly number[], field: string, problems: ProblemDetail[]): number[] {
  ports.forEach((port, index) => {
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      problems.push({
        field,
        path: `${field}[${index}]`,
        value: String(port),
        reason: 'a port is a whole number from 1 to 65535',
        code: 'invalid_value',
      });
    }
  });
  if (ports.length === 0 && field === 'ports') problems.push({ field, reason: 'at least one port', code: 'missing' });
  return [...new Set(ports)].sort((a, b) => a - b);
}

function validateChecks(
  scope: Scope,
  wanted: readonly ProbeCheck[] | undefined,
  problems: ProblemDetail[],
): ProbeCheck[] {
  if (wanted === undefined) {
    // Credential attempts come by default only when the admin allowed them on the scope.
    return PROBE_CHECKS.filter((check) => check !== 'default-credentials' || scope.allowCredentials);
  }
  wanted.forEach((check, index) => {
    if (!PROBE_CHECKS.includes(check)) {
      problems.push({
        field: 'checks',
        path: `checks[${index}]`,
        value: String(check),
        reason: `not a check (${PROBE_CHECKS.join(', ')})`,
        code: 'not_allowed_value',
      });
    }
  });
  if (wanted.includes('default-credentials') && !scope.allowCredentials) {
    problems.push({
      field: 'checks',
      value: 'default-credentials',
      reason: 'the scope does not allow intrusive checks (credential attempts)',
      code: 'not_allowed_value',
    });
  }
  // The port scan always runs: every other check works on the open ports it finds.
  return PROBE_CHECKS.filter((check) => check === 'ports' || wanted.includes(check));
}

/** The reason an entry lies outside the scope: its one address, or how many and the first and last. */
function outsideReason(away: readonly string[]): ProbeReason {
  return away.length === 1
    ? because('target_outside_scope', { addresses: away[0]! })
    : because('target_outside_scope_many', { count: away.length, first: away[0]!, last: away[away.length - 1]! });
}
