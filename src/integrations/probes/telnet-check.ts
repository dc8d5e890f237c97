import type { Credential } from '../../core/probes/credential-attempts';
import type { ObservationInput } from '../../core/probes/observation';
import type { Conversation } from './conversation';
import { openStream, type ServiceTarget } from './open-stream';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

const IAC = 255;
const [WILL, WONT, DO, DONT, SB, SE] = [251, 252, 253, 254, 250, 240];
const ECHO = 1;
const SUPPRESS_GO_AHEAD = 3;
const COMMANDS: Record<number, string> = { [WILL]: 'WILL', [WONT]: 'WONT', [DO]: 'DO', [DONT]: 'DONT' };

/**
 * Reads what a Telnet server sent so far: answers its option negotiation (we accept the server's
 * ECHO and SUPPRESS-GO-AHEAD, refuse every other option) and returns the text between, plus a
 * readable list of the options the server asked for.
 */
export function readTelnet(conversation: Conversation, negotiated: string[]): string {
  const bytes = conversation.take();
  const text: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte !== IAC) {
      text.push(byte);
      continue;
    }
    const command = bytes[i + 1];
    const option = bytes[i + 2];
    if (command === undefined) break;
    if (command === IAC) {
      text.push(IAC);
      i += 1;
    } else if (command === SB) {
      // Skip a subnegotiation up to IAC SE.
      let end = i + 2;
      while (end < bytes.length - 1 && !(bytes[end] === IAC && bytes[end + 1] === SE)) end += 1;
      i = end + 1;
    } else if (command >= WILL && command <= DONT && option !== undefined) {
      negotiated.push(`${COMMANDS[command]} ${option}`);
      const agree = command === WILL && (option === ECHO || option === SUPPRESS_GO_AHEAD);
      const reply = command === WILL || command === WONT ? (agree ? DO : DONT) : WONT;
      conversation.write(Buffer.from([IAC, reply, option]), `IAC ${COMMANDS[reply]} ${option}`);
      i += 2;
    } else i += 1;
  }
  return Buffer.from(text).toString('latin1');
}

/** Waits for server text matching `pattern`, negotiating on the way; returns all text seen. */
async function expectText(
  conversation: Conversation,
  pattern: RegExp,
  timeoutMs: number,
  negotiated: string[],
): Promise<{ matched: boolean; text: string }> {
  let text = '';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    text += readTelnet(conversation, negotiated);
    if (pattern.test(text)) return { matched: true, text };
    const left = deadline - Date.now();
    if (left <= 0) return { matched: false, text };
    const outcome = await conversation.waitFor((received) => received.length > 0, left);
    if (outcome !== 'matched') return { matched: false, text: text + readTelnet(conversation, negotiated) };
  }
}

const LOGIN_PROMPT = /(login|user ?name|user)\s*:\s*$/i;
const PASSWORD_PROMPT = /password\s*:\s*$/i;
const REFUSED = /incorrect|invalid|fail|denied|wrong|(login|user ?name)\s*:\s*$/i;
const SHELL = /([#$>%]\s*$)|welcome|last login|busybox/i;

/**
 * Telnet open is itself the finding (items 23 and 32 fail: a cleartext remote login); the
 * detail shows the negotiation and the banner up to the login prompt.
 */
export async function checkTelnet(target: ServiceTarget): Promise<ObservationInput> {
  const conversation = await openStream(target);
  if ('reason' in conversation) {
    return {
      check: 'telnet',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port: target.port,
      reason: conversation.reason,
    };
  }
  try {
    const negotiated: string[] = [];
    const { matched, text } = await expectText(conversation, LOGIN_PROMPT, target.timeoutMs, negotiated);
    const isTelnet = negotiated.length > 0 || matched;
    const detail = `options asked: ${negotiated.join(', ') || 'none'}\nbanner: ${text.trim().slice(0, 512)}`;
    if (!isTelnet) {
      return {
        check: 'telnet',
        result: 'inconclusive',
        findings: ['check_inconclusive'],
        port: target.port,
        reason: because('telnet_not_telnet'),
        detail,
      };
    }
    return {
      check: 'telnet',
      result: 'fail',
      findings: ['telnet_open'],
      port: target.port,
      reason: matched ? because('telnet_login_offered') : because('telnet_answers'),
      detail,
    };
  } finally {
    conversation.close();
  }
}

/** One Telnet login attempt: 'accepted', 'refused', or the reason it could not tell. */
export async function tryTelnetLogin(
  target: ServiceTarget,
  credential: Credential,
): Promise<'accepted' | 'refused' | { readonly reason: ProbeReason }> {
  const conversation = await openStream(target);
  if ('reason' in conversation) return conversation;
  try {
    const negotiated: string[] = [];
    const login = await expectText(conversation, LOGIN_PROMPT, target.timeoutMs, negotiated);
    if (!login.matched) return { reason: because('telnet_no_login_prompt') };
    conversation.write(`${credential.user}\r\n`);
    const password = await expectText(conversation, PASSWORD_PROMPT, target.timeoutMs, negotiated);
    if (!password.matched) return { reason: because('telnet_no_password_prompt') };
    conversation.write(`${credential.password}\r\n`, '[password]');
    const after = await expectText(conversation, /.+/s, target.timeoutMs, negotiated);
    // Collect a little more: the shell prompt or the refusal often comes in a second write.
    const more = await expectText(
      conversation,
      new RegExp(`${REFUSED.source}|${SHELL.source}`, 'i'),
      target.timeoutMs,
      negotiated,
    );
    const reply = (after.text + more.text).replace(/^\r?\n/, '');
    if (REFUSED.test(reply)) return 'refused';
    if (SHELL.test(reply)) return 'accepted';
    return { reason: because('telnet_no_answer_after_password') };
  } finally {
    conversation.close();
  }
}
