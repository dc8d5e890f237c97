import { connect, type Socket } from 'node:net';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

/** How a TCP connect attempt ended. Only `open` hands over a socket (the caller must destroy it). */
export type ConnectOutcome =
  | { readonly state: 'open'; readonly socket: Socket }
  | { readonly state: 'closed' }
  | { readonly state: 'filtered'; readonly reason: ProbeReason }
  | { readonly state: 'unreachable'; readonly reason: ProbeReason }
  | { readonly state: 'aborted' };

export interface ConnectOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Opens a TCP connection with a deadline. A refused connection (RST) is `closed`, silence until
 * the deadline is `filtered`, an ICMP-style error is `unreachable`; never throws, never hangs.
 */
export function connectTcp(address: string, port: number, options: ConnectOptions): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ state: 'aborted' });
      return;
    }
    const socket = connect({ host: address, port, noDelay: true });
    let settled = false;
    const finish = (outcome: ConnectOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('connect');
      socket.removeAllListeners('error');
      if (outcome.state !== 'open') socket.destroy();
      else socket.on('error', () => undefined); // later errors surface through the reader
      resolve(outcome);
    };
    const onAbort = (): void => finish({ state: 'aborted' });
    const timer = setTimeout(
      () => finish({ state: 'filtered', reason: because('no_answer_within', { ms: options.timeoutMs }) }),
      options.timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ state: 'open', socket }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') finish({ state: 'closed' });
      else if (error.code === 'ETIMEDOUT') finish({ state: 'filtered', reason: because('connect_timed_out') });
      else finish({ state: 'unreachable', reason: because('network_error', { error: error.code ?? error.message }) });
    });
  });
}
