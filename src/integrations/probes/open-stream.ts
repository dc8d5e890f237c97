import { connect as connectTls, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { connectTcp } from './connect-tcp';
import { Conversation } from './conversation';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

/** Where and how long a service check may talk to one port. */
export interface ServiceTarget {
  readonly address: string;
  readonly port: number;
  /** Deadline of each single wait (connect, a reply); a whole check is bounded by a few of them. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Opens a plain or TLS conversation with a deadline; returns the reason instead when the port
 * does not answer or the TLS handshake fails. Certificates are not verified: the probe looks at
 * them (tls-check) rather than trusting them.
 */
export async function openStream(
  target: ServiceTarget,
  tls: false | ConnectionOptions = false,
): Promise<Conversation | { readonly reason: ProbeReason }> {
  const tcp = await connectTcp(target.address, target.port, target);
  if (tcp.state !== 'open') {
    return {
      reason:
        tcp.state === 'aborted'
          ? because('cancelled')
          : tcp.state === 'closed'
            ? because('connection_refused')
            : tcp.reason,
    };
  }
  const raw = tcp.socket;
  if (!tls) return new Conversation(raw, target.signal);
  return new Promise((resolve) => {
    const socket: TLSSocket = connectTls({ ...tls, socket: raw, rejectUnauthorized: false });
    const timer = setTimeout(() => fail(because('tls_handshake_timeout', { ms: target.timeoutMs })), target.timeoutMs);
    const onAbort = (): void => fail(because('cancelled'));
    target.signal?.addEventListener('abort', onAbort, { once: true });
    function fail(reason: ProbeReason): void {
      clearTimeout(timer);
      target.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      raw.destroy();
      resolve({ reason });
    }
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      target.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('error');
      resolve(new Conversation(socket, target.signal));
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      fail(because('tls_handshake_failed', { error: error.code ?? error.message })),
    );
  });
}
