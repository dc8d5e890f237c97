import { randomBytes } from 'node:crypto';
import type { Credential } from '../../core/probes/credential-attempts';
import type { ObservationInput } from '../../core/probes/observation';
import { waitReason } from './conversation';
import { openStream, type ServiceTarget } from './open-stream';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

function utf8Field(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function remainingLength(length: number): Buffer {
  const out: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    out.push(byte);
  } while (length > 0);
  return Buffer.from(out);
}

/** An MQTT 3.1.1 CONNECT packet (clean session, keep-alive 30 s), with or without a login. */
export function connectPacket(clientId: string, credential?: Credential): Buffer {
  const flags = 0x02 | (credential ? 0xc0 : 0);
  const variable = Buffer.concat([utf8Field('MQTT'), Buffer.from([4, flags, 0, 30])]);
  const payload = Buffer.concat([
    utf8Field(clientId),
    ...(credential ? [utf8Field(credential.user), utf8Field(credential.password)] : []),
  ]);
  const body = Buffer.concat([variable, payload]);
  return Buffer.concat([Buffer.from([0x10]), remainingLength(body.length), body]);
}

const CONNACK_CODES: Record<number, string> = {
  0: 'accepted',
  1: 'unacceptable protocol version',
  2: 'identifier rejected',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorised',
};

/** Sends one CONNECT and reads the CONNACK return code, or the reason none came. */
async function connectOnce(
  target: ServiceTarget,
  tls: boolean,
  credential?: Credential,
): Promise<{ code: number; detail: string } | { reason: ProbeReason; detail: string }> {
  const conversation = await openStream(target, tls ? {} : false);
  if ('reason' in conversation) return { reason: conversation.reason, detail: '' };
  try {
    const clientId = `iotcheck-${randomBytes(4).toString('hex')}`;
    conversation.write(
      connectPacket(clientId, credential),
      `CONNECT client id ${clientId}${credential ? `, user ${credential.user}, password [hidden]` : ', anonymous'}${tls ? ' (TLS)' : ''}`,
    );
    const outcome = await conversation.waitFor((received) => received.length >= 4, target.timeoutMs);
    const reply = conversation.received;
    if (outcome !== 'matched' || reply[0] !== 0x20 || reply[1] !== 0x02) {
      const seen = reply.subarray(0, 16).toString('hex');
      conversation.note('<', seen === '' ? `nothing (${outcome})` : `0x${seen}`);
      return {
        reason: because('mqtt_no_connack', undefined, [waitReason(outcome)]),
        detail: conversation.describe(),
      };
    }
    const code = reply[3] ?? 255;
    conversation.note('<', `CONNACK return code ${code} (${CONNACK_CODES[code] ?? 'unknown'})`);
    if (code === 0) conversation.write(Buffer.from([0xe0, 0x00]), 'DISCONNECT');
    return { code, detail: conversation.describe() };
  } finally {
    conversation.close();
  }
}

/** Anonymous CONNECT: accepted fails item 26; refused with 4 or 5 passes it. */
export async function checkMqtt(target: ServiceTarget, tls: boolean): Promise<ObservationInput> {
  const outcome = await connectOnce(target, tls);
  if ('reason' in outcome) {
    return {
      check: 'mqtt',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port: target.port,
      reason: outcome.reason,
      detail: outcome.detail,
    };
  }
  if (outcome.code === 0) {
    return {
      check: 'mqtt',
      result: 'fail',
      findings: ['mqtt_anonymous_accepted'],
      port: target.port,
      reason: because('mqtt_anonymous_accepted'),
      detail: outcome.detail,
    };
  }
  if (outcome.code === 4 || outcome.code === 5) {
    return {
      check: 'mqtt',
      result: 'pass',
      findings: ['mqtt_authentication_required'],
      port: target.port,
      detail: outcome.detail,
    };
  }
  return {
    check: 'mqtt',
    result: 'inconclusive',
    findings: ['check_inconclusive'],
    port: target.port,
    reason: because('mqtt_connack_code', { code: outcome.code }),
    detail: outcome.detail,
  };
}

/** One MQTT login: 'accepted', 'refused', or the reason it could not tell. */
export async function tryMqttLogin(
  target: ServiceTarget,
  tls: boolean,
  credential: Credential,
): Promise<'accepted' | 'refused' | { readonly reason: ProbeReason }> {
  const outcome = await connectOnce(target, tls, credential);
  if ('reason' in outcome) return { reason: outcome.reason };
  if (outcome.code === 0) return 'accepted';
  return outcome.code === 4 || outcome.code === 5
    ? 'refused'
    : { reason: because('mqtt_connack_code', { code: outcome.code }) };
}
