import type { RatePlan } from '../../core/probes/rate';
import { connectTcp } from './connect-tcp';
import { createLimiter, type Limiter } from './limiter';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

/** What the scan saw on one target, ports in ascending order. */
export interface PortStates {
  readonly open: number[];
  readonly closed: number[];
  /** Port → why it is filtered or unreachable (no answer, host unreachable…). */
  readonly silent: Map<number, ProbeReason>;
}

export interface ScanOptions {
  readonly rate: RatePlan;
  readonly connectTimeoutMs: number;
  readonly signal?: AbortSignal;
  /** Called after each connection attempt with the count done so far and the total. */
  readonly onConnect?: (done: number, total: number) => void;
  /** A limiter shared with the service checks; a new one from `rate` otherwise. */
  readonly limiter?: Limiter;
}

/**
 * TCP connect scan: every port of every address once, under the rate plan. Open sockets are
 * closed at once (the service checks open their own). Cancelled attempts are simply missing.
 */
export async function scanPorts(
  addresses: readonly string[],
  ports: readonly number[],
  options: ScanOptions,
): Promise<Map<string, PortStates>> {
  const limiter = options.limiter ?? createLimiter(options.rate, options.signal);
  const states = new Map<string, PortStates>(
    addresses.map((address) => [address, { open: [], closed: [], silent: new Map() }]),
  );
  const total = addresses.length * ports.length;
  let done = 0;
  await Promise.all(
    addresses.flatMap((address) =>
      ports.map((port) =>
        limiter.run(async () => {
          const outcome = await connectTcp(address, port, {
            timeoutMs: options.connectTimeoutMs,
            signal: options.signal,
          });
          const state = states.get(address);
          if (!state) return;
          if (outcome.state === 'open') {
            outcome.socket.destroy();
            state.open.push(port);
          } else if (outcome.state === 'closed') state.closed.push(port);
          else if (outcome.state !== 'aborted')
            state.silent.set(
              port,
              because(outcome.state === 'filtered' ? 'port_filtered' : 'port_unreachable', undefined, [outcome.reason]),
            );
          done += 1;
          options.onConnect?.(done, total);
        }),
      ),
    ),
  );
  for (const state of states.values()) {
    state.open.sort((a, b) => a - b);
    state.closed.sort((a, b) => a - b);
  }
  return states;
}
