import { Client } from 'ssh2';
import type { Credential } from '../../core/probes/credential-attempts';
import type { ObservationInput } from '../../core/probes/observation';
import { parseKexInit, weakSshAlgorithms } from '../../core/probes/ssh-algorithms';
import { waitReason } from './conversation';
import { openStream, type ServiceTarget } from './open-stream';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

const IDENT = 'SSH-2.0-iotcheck_probe';
const inconclusive = (port: number, reason: ProbeReason, detail = ''): ObservationInput => ({
  check: 'ssh',
  result: 'inconclusive',
  findings: ['check_inconclusive'],
  port,
  reason,
  detail,
});

/**
 * Reads the server's identification line and its SSH_MSG_KEXINIT (sent in clear before any key
 * exchange), then hangs up: SSH-1 or weak algorithms fail item 32, otherwise it passes.
 */
export async function checkSsh(target: ServiceTarget): Promise<ObservationInput> {
  const conversation = await openStream(target);
  if ('reason' in conversation) return inconclusive(target.port, conversation.reason);
  try {
    // RFC 4253 4.2: lines before the one starting with "SSH-" are allowed.
    const identLine = (bytes: Buffer): RegExpExecArray | null =>
      /(^|\n)(SSH-[^\r\n]*)\r?\n/.exec(bytes.toString('latin1'));
    const gotIdent = await conversation.waitFor(
      (received) => identLine(received) !== null || received.length > 8192,
      target.timeoutMs,
    );
    const match = identLine(conversation.received);
    if (gotIdent !== 'matched' || !match) {
      return inconclusive(
        target.port,
        because('ssh_no_identification', undefined, [waitReason(gotIdent)]),
        conversation.received.subarray(0, 256).toString('latin1'),
      );
    }
    const ident = match[2] ?? '';
    conversation.note('<', ident);
    conversation.take((match.index ?? 0) + match[0].length);
    if (/^SSH-1\.(?!99)/.test(ident)) {
      return {
        check: 'ssh',
        result: 'fail',
        findings: ['ssh_protocol_1'],
        port: target.port,
        reason: because('ssh_protocol_1_only'),
        detail: conversation.describe(),
      };
    }
    conversation.write(`${IDENT}\r\n`);
    const packetLength = (bytes: Buffer): number =>
      bytes.length >= 4 ? bytes.readUInt32BE(0) : Number.POSITIVE_INFINITY;
    const gotPacket = await conversation.waitFor(
      (received) =>
        received.length >= 4 && (packetLength(received) > 65_536 || received.length >= packetLength(received) + 4),
      target.timeoutMs,
    );
    const length = packetLength(conversation.received);
    if (gotPacket !== 'matched' || length > 65_536 || length < 2) {
      return inconclusive(
        target.port,
        because('ssh_no_kexinit', undefined, [waitReason(gotPacket)]),
        conversation.describe(),
      );
    }
    const packet = conversation.take(length + 4);
    const padding = packet[4] ?? 0;
    const algorithms = parseKexInit(packet.subarray(5, 4 + length - padding));
    if (!algorithms) return inconclusive(target.port, because('ssh_kexinit_unreadable'), conversation.describe());
    conversation.note('<', `KEXINIT kex=${algorithms.kex.join(',')} hostkey=${algorithms.hostKey.join(',')}`);
    conversation.note('<', `ciphers=${algorithms.ciphers.join(',')} macs=${algorithms.macs.join(',')}`);
    const weak = weakSshAlgorithms(algorithms);
    const ssh1 = ident.startsWith('SSH-1.99');
    if (weak.length > 0 || ssh1) {
      return {
        check: 'ssh',
        result: 'fail',
        findings: [
          ...(weak.length > 0 ? (['ssh_weak_algorithms'] as const) : []),
          ...(ssh1 ? (['ssh_protocol_1'] as const) : []),
        ],
        port: target.port,
        reason: [
          ...(ssh1 ? [because('ssh_also_protocol_1')] : []),
          ...(weak.length > 0 ? [because('ssh_weak_algorithms', { algorithms: weak.join(', ') })] : []),
        ],
        detail: conversation.describe(),
      };
    }
    return {
      check: 'ssh',
      result: 'pass',
      findings: ['ssh_strong_algorithms'],
      port: target.port,
      detail: conversation.describe(),
    };
  } finally {
    conversation.close();
  }
}

/** One SSH password login: 'accepted', 'refused', or the reason it could not tell. Closes at once on success. */
export function trySshLogin(
  target: ServiceTarget,
  credential: Credential,
): Promise<'accepted' | 'refused' | { readonly reason: ProbeReason }> {
  return new Promise((resolve) => {
    const client = new Client();
    let settled = false;
    const finish = (outcome: 'accepted' | 'refused' | { reason: ProbeReason }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      target.signal?.removeEventListener('abort', onAbort);
      client.end();
      client.destroy();
      resolve(outcome);
    };
    const onAbort = (): void => finish({ reason: because('cancelled') });
    // ssh2's readyTimeout covers the handshake; this bounds the whole attempt, authentication included.
    const timer = setTimeout(
      () => finish({ reason: because('no_answer_within', { ms: target.timeoutMs * 2 }) }),
      target.timeoutMs * 2,
    );
    target.signal?.addEventListener('abort', onAbort, { once: true });
    client.on('ready', () => finish('accepted'));
    client.on('error', (error: Error & { level?: string }) =>
      finish(
        error.level === 'client-authentication'
          ? 'refused'
          : { reason: because('ssh_error', { message: error.message }) },
      ),
    );
    client.connect({
      host: target.address,
      port: target.port,
      username: credential.user,
      password: credential.password,
      readyTimeout: target.timeoutMs,
      tryKeyboard: false,
      hostVerifier: () => true,
    });
  });
}
