import { connectTcp } from './connect-tcp';

/** What speaks on a port, as far as the probe's service checks care. */
export type ServiceKind = 'telnet' | 'ssh' | 'http' | 'https' | 'mqtt' | 'mqtts' | 'unknown';

/** The usual service of each default port; other open ports are sniffed (see `sniffService`). */
export const DEFAULT_SERVICES: Readonly<Record<number, ServiceKind>> = {
  22: 'ssh',
  23: 'telnet',
  2323: 'telnet',
  80: 'http',
  7547: 'http', // TR-069 connection requests are HTTP
  8080: 'http',
  443: 'https',
  8443: 'https',
  1883: 'mqtt',
  8883: 'mqtts',
};

/**
 * Listens briefly to a port whose service is not known: an SSH identification or Telnet option
 * negotiation (servers that speak first) identify it; silence or anything else is `unknown`.
 */
export async function sniffService(
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ServiceKind> {
  const outcome = await connectTcp(address, port, { timeoutMs, ...(signal ? { signal } : {}) });
  if (outcome.state !== 'open') return 'unknown';
  const socket = outcome.socket;
  return new Promise((resolve) => {
    const finish = (kind: ServiceKind): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(kind);
    };
    const timer = setTimeout(() => finish('unknown'), timeoutMs);
    socket.once('data', (chunk: Buffer) =>
      finish(chunk.subarray(0, 4).toString('latin1') === 'SSH-' ? 'ssh' : chunk[0] === 255 ? 'telnet' : 'unknown'),
    );
    socket.once('close', () => finish('unknown'));
  });
}
