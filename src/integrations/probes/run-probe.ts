import {
  DEFAULT_ATTEMPT_LIMITS,
  planCredentialAttempts,
  type AttemptLimits,
  type Credential,
} from '../../core/probes/credential-attempts';
import { observe, type Observation, type ObservationInput } from '../../core/probes/observation';
import { UDP_ONLY_PORTS, type ProbePlan } from '../../core/probes/plan';
import type { ProbeResult, TargetResult } from '../../core/probes/probe-result';
import { DEFAULT_RATE, type RatePlan } from '../../core/probes/rate';
import { checkDefaultCredentials, type LoginAttempt } from './credential-check';
import { checkHttpFormLogin, findLoginPage, tryHttpFormLogin } from './http-form-login';
import { asksBasicLogin, checkHttp, tryHttpBasicLogin } from './http-check';
import { createLimiter, type Limiter } from './limiter';
import { checkMqtt, tryMqttLogin } from './mqtt-check';
import type { ServiceTarget } from './open-stream';
import { scanPorts, type PortStates } from './scan-ports';
import { DEFAULT_SERVICES, sniffService, type ServiceKind } from './service-kinds';
import { checkSsh, trySshLogin } from './ssh-check';
import { checkTelnet, tryTelnetLogin } from './telnet-check';
import { checkTls } from './tls-check';
import { because, distinctReasons } from '../../core/probes/probe-reason';

/** Where a probe is: scanning ports, then checking services; `done` of `total` in the phase. */
export interface ProbeProgress {
  readonly phase: 'scan' | 'services';
  readonly done: number;
  readonly total: number;
}

export interface ProbeOptions {
  /** Cancels everything: no new connection starts, open ones are closed, the partial result returns. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ProbeProgress) => void;
  readonly rate?: RatePlan;
  /** Admin-supplied pairs, tried before the built-in list (only when the plan allows credentials). */
  readonly credentials?: readonly Credential[];
  readonly useBuiltInCredentials?: boolean;
  readonly attemptLimits?: AttemptLimits;
  /** Deadline of a TCP connect in the scan (default 1500 ms). */
  readonly connectTimeoutMs?: number;
  /** Deadline of each wait inside a service check (default 4000 ms). */
  readonly serviceTimeoutMs?: number;
  /** Services on ports other than the defaults (e.g. a camera's web server on 8000). */
  readonly services?: Readonly<Record<number, ServiceKind>>;
  readonly now?: () => Date;
}

/**
 * Runs a plan (see core/probes/plan.ts): it contacts exactly `plan.targets` on `plan.ports`,
 * nothing else. Never throws for network trouble: every failure is an `inconclusive`
 * observation with a reason. Returns `{ targets: [{ address, openPorts, observations }] }`.
 */
export async function runProbe(plan: ProbePlan, options: ProbeOptions = {}): Promise<ProbeResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const rate = options.rate ?? DEFAULT_RATE;
  const limiter = createLimiter(rate, options.signal);
  const connectTimeoutMs = options.connectTimeoutMs ?? 1500;
  const serviceTimeoutMs = options.serviceTimeoutMs ?? 4000;
  const addresses = plan.targets.map((target) => target.address);

  const states = await scanPorts(addresses, plan.ports, {
    rate,
    limiter,
    connectTimeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    onConnect: (done, total) => options.onProgress?.({ phase: 'scan', done, total }),
  });

  const observed = new Map<string, Observation[]>(addresses.map((address) => [address, []]));
  const record = (address: string, input: ObservationInput): void => {
    observed.get(address)?.push(observe(address, input, now()));
  };
  for (const address of addresses) {
    const state = states.get(address);
    if (state) portObservations(plan, state, connectTimeoutMs).forEach((input) => record(address, input));
  }

  const tasks = plan.checks.length > 1 ? await serviceTasks(plan, states, options, limiter, serviceTimeoutMs) : [];
  let done = 0;
  await Promise.all(
    tasks.map(async ({ address, run }) => {
      const input = await run();
      if (input && !options.signal?.aborted) record(address, input);
      done += 1;
      options.onProgress?.({ phase: 'services', done, total: tasks.length });
    }),
  );

  const order = (a: Observation, b: Observation): number =>
    (a.port ?? 0) - (b.port ?? 0) || a.check.localeCompare(b.check);
  const targets: TargetResult[] = plan.targets.map((target) => ({
    address: target.address,
    ...(target.hostname !== undefined ? { hostname: target.hostname } : {}),
    openPorts: states.get(target.address)?.open ?? [],
    observations: (observed.get(target.address) ?? []).sort(order),
  }));
  const unresolved: TargetResult[] = plan.unresolved.map((name) => ({
    address: name,
    hostname: name,
    openPorts: [],
    observations: [
      observe(
        name,
        {
          check: 'ports',
          result: 'inconclusive',
          findings: ['host_unresolved'],
          port: null,
          reason: because('host_unresolved'),
        },
        now(),
      ),
    ],
  }));
  return {
    targets: [...targets, ...unresolved],
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    cancelled: options.signal?.aborted ?? false,
  };
}

/** The scan's own observations for one target: the scan as a whole (item 47) and each port. */
function portObservations(plan: ProbePlan, state: PortStates, connectTimeoutMs: number): ObservationInput[] {
  const answered = state.open.length + state.closed.length;
  const summary =
    `${plan.ports.length} TCP ports: open ${state.open.join(', ') || 'none'}; ` +
    `closed ${state.closed.length}; no answer ${state.silent.size}`;
  if (answered === 0 && state.silent.size > 0) {
    const causes = distinctReasons([...state.silent.values()]);
    return [
      {
        check: 'ports',
        result: 'inconclusive',
        findings: ['host_unreachable'],
        port: null,
        reason: because('no_port_answered', undefined, causes),
        detail: summary,
      },
    ];
  }
  if (answered === 0) return []; // cancelled before any answer
  const out: ObservationInput[] = [
    { check: 'ports', result: 'pass', findings: ['port_scan_completed'], port: null, detail: summary },
  ];
  for (const port of state.open) {
    const detail = `> TCP SYN to port ${port}\n< SYN-ACK (open)`;
    if (plan.vantage === 'outside') {
      out.push({
        check: 'ports',
        result: 'fail',
        findings: ['reachable_from_outside'],
        port,
        reason: because('reachable_from_outside'),
        detail,
      });
    } else if (plan.expectedPorts === undefined) {
      out.push({
        check: 'ports',
        result: 'inconclusive',
        findings: ['port_open'],
        port,
        reason: because('port_open_unjudged'),
        detail,
      });
    } else if (plan.expectedPorts.includes(port)) {
      out.push({ check: 'ports', result: 'pass', findings: ['port_open'], port, detail });
    } else {
      out.push({
        check: 'ports',
        result: 'fail',
        findings: ['port_unexpected'],
        port,
        reason: because('port_unexpected'),
        detail,
      });
    }
  }
  for (const [port, reason] of state.silent) {
    out.push({
      check: 'ports',
      result: 'inconclusive',
      findings: ['port_filtered'],
      port,
      reason,
      detail: `> TCP SYN to port ${port}\n< nothing within ${connectTimeoutMs} ms`,
    });
  }
  for (const port of plan.ports.filter((port) => UDP_ONLY_PORTS.has(port) && state.closed.includes(port))) {
    out.push({
      check: 'ports',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port,
      reason: because('udp_not_checked'),
    });
  }
  return out;
}

interface ServiceTask {
  readonly address: string;
  readonly run: () => Promise<ObservationInput | undefined>;
}

/** The service checks (and credential checks) for every open port, each to run under the limiter. */
async function serviceTasks(
  plan: ProbePlan,
  states: Map<string, PortStates>,
  options: ProbeOptions,
  limiter: Limiter,
  timeoutMs: number,
): Promise<ServiceTask[]> {
  const wants = (check: ProbePlan['checks'][number]): boolean => plan.checks.includes(check);
  const credentials =
    plan.allowCredentials && wants('default-credentials')
      ? planCredentialAttempts(
          options.credentials ?? [],
          options.attemptLimits ?? DEFAULT_ATTEMPT_LIMITS,
          options.useBuiltInCredentials ?? true,
        )
      : [];
  const tasks: ServiceTask[] = [];
  // Ports without a known service are sniffed all at once (each under the limiter), not one by one.
  const openPorts = [...states].flatMap(([address, state]) => state.open.map((port) => ({ address, port })));
  const kinds = await Promise.all(
    openPorts.map(async ({ address, port }) => {
      const known = options.services?.[port] ?? DEFAULT_SERVICES[port];
      if (known) return known;
      return (
        (await limiter.run(() => sniffService(address, port, Math.min(timeoutMs, 1500), options.signal))) ?? 'unknown'
      );
    }),
  );
  for (const [index, { address, port }] of openPorts.entries()) {
    const target: ServiceTarget = { address, port, timeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
    const kind: ServiceKind = kinds[index] ?? 'unknown';
    const add = (run: () => Promise<ObservationInput | undefined>): void => {
      tasks.push({ address, run: () => limiter.run(run) });
    };
    const addLogin = (service: string, attempt: LoginAttempt, precondition?: () => Promise<boolean>): void => {
      if (credentials.length === 0) return;
      // Each attempt takes its own token, so credential checks obey the rate plan too.
      tasks.push({
        address,
        run: async () => {
          if (precondition && !(await limiter.run(precondition))) return undefined;
          return checkDefaultCredentials(port, service, credentials, (credential) =>
            limiter.run(() => attempt(credential)),
          );
        },
      });
    };
    switch (kind) {
      case 'telnet':
        if (wants('telnet')) add(() => checkTelnet(target));
        addLogin('telnet', (credential) => tryTelnetLogin(target, credential));
        break;
      case 'ssh':
        if (wants('ssh')) add(() => checkSsh(target));
        addLogin('ssh', (credential) => trySshLogin(target, credential));
        break;
      case 'http':
      case 'https': {
        const tls = kind === 'https';
        if (wants('http')) add(() => checkHttp(target, tls));
        if (tls && wants('tls')) add(() => checkTls(target, options.now));
        addLogin(
          `${kind} basic`,
          (credential) => tryHttpBasicLogin(target, tls, credential),
          () => asksBasicLogin(target, tls),
        );
        if (credentials.length > 0)
          tasks.push({
            address,
            run: async () => {
              const page = await limiter.run(() => findLoginPage(target, tls));
              if (!page) return undefined;
              return checkHttpFormLogin(port, `${kind} form`, page, credentials, (credential) =>
                limiter.run(() => tryHttpFormLogin(target, tls, page, credential)),
              );
            },
          });
        break;
      }
      case 'mqtt':
      case 'mqtts': {
        const tls = kind === 'mqtts';
        if (wants('mqtt')) add(() => checkMqtt(target, tls));
        if (tls && wants('tls')) add(() => checkTls(target, options.now));
        // A broker that lets anyone in accepts any login: only a broker that refuses anonymous clients is tried.
        addLogin(
          kind,
          (credential) => tryMqttLogin(target, tls, credential),
          async () => (await checkMqtt(target, tls)).result === 'pass',
        );
        break;
      }
      case 'unknown':
        break;
    }
  }
  return tasks;
}
