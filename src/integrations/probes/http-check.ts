import type { Credential } from '../../core/probes/credential-attempts';
import type { ObservationInput } from '../../core/probes/observation';
import { openStream, type ServiceTarget } from './open-stream';

/** The parts of an HTTP answer a probe looks at. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly title?: string;
  readonly statusLine: string;
}

const MAX_READ = 32 * 1024;

/**
 * Sends `GET /` (HTTP/1.1, Connection: close) and reads at most 32 KiB or until the server
 * closes; a plain HTTP/1.x parse that tolerates garbage by reporting it as a reason.
 */
async function get(
  target: ServiceTarget,
  tls: boolean,
  authorization?: { header: string; shown: string },
): Promise<HttpAnswer | { reason: string; detail: string }> {
  const conversation = await openStream(target, tls ? {} : false);
  if ('reason' in conversation) return { reason: conversation.reason, detail: '' };
  try {
    const host = target.address.includes(':') ? `[${target.address}]` : target.address;
    const head = `GET / HTTP/1.1\r\nHost: ${host}:${target.port}\r\nUser-Agent: iotcheck-probe\r\nAccept: */*\r\nConnection: close\r\n`;
    conversation.write(
      `${head}${authorization ? `Authorization: ${authorization.header}\r\n` : ''}\r\n`,
      `GET / HTTP/1.1${authorization ? ` (${authorization.shown})` : ''}`,
    );
    const outcome = await conversation.waitFor(
      (received) => received.length >= MAX_READ || /<\/title>/i.test(received.toString('latin1')),
      target.timeoutMs,
    );
    const text = conversation.received.toString('latin1');
    const headerEnd = text.indexOf('\r\n\r\n');
    const statusLine = text.slice(0, text.indexOf('\r\n') >= 0 ? text.indexOf('\r\n') : 80);
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine);
    if (!status || headerEnd < 0) {
      return {
        reason: `no HTTP answer (${outcome === 'matched' ? 'not HTTP' : outcome})`,
        detail: `${conversation.describe()}\n< ${text.slice(0, 200)}`,
      };
    }
    const headers = new Map<string, string>();
    for (const line of text.slice(0, headerEnd).split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(text.slice(headerEnd))?.[1]?.trim();
    return { status: Number(status[1]), headers, statusLine, ...(title !== undefined ? { title } : {}) };
  } finally {
    conversation.close();
  }
}

/** The server's self-description for the detail: status line, Server header and page title. */
function describeAnswer(answer: HttpAnswer): string {
  return [
    `< ${answer.statusLine}`,
    `< Server: ${answer.headers.get('server') ?? '(none)'}`,
    `< WWW-Authenticate: ${answer.headers.get('www-authenticate') ?? '(none)'}`,
    `< title: ${answer.title ?? '(none)'}`,
  ].join('\n');
}

/**
 * Identifies the web server (Server header, title). A login asked over plain HTTP (Basic
 * authentication without TLS) sends passwords in clear: that fails item 32.
 */
export async function checkHttp(target: ServiceTarget, tls: boolean): Promise<ObservationInput> {
  const answer = await get(target, tls);
  if ('reason' in answer) {
    return {
      check: 'http',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port: target.port,
      reason: answer.reason,
      detail: answer.detail,
    };
  }
  const basic = /^basic/i.test(answer.headers.get('www-authenticate') ?? '');
  if (answer.status === 401 && basic && !tls) {
    return {
      check: 'http',
      result: 'fail',
      findings: ['http_server_identified', 'http_cleartext_login'],
      port: target.port,
      reason: 'asks for a Basic login over plain HTTP (passwords in clear)',
      detail: describeAnswer(answer),
    };
  }
  return {
    check: 'http',
    result: 'pass',
    findings: ['http_server_identified'],
    port: target.port,
    detail: describeAnswer(answer),
  };
}

/** True when `GET /` asks for HTTP Basic authentication (so default logins can be tried). */
export async function asksBasicLogin(target: ServiceTarget, tls: boolean): Promise<boolean> {
  const answer = await get(target, tls);
  return !('reason' in answer) && answer.status === 401 && /^basic/i.test(answer.headers.get('www-authenticate') ?? '');
}

/** One HTTP Basic login on `/`: accepted when the answer is no longer 401/403. */
export async function tryHttpBasicLogin(
  target: ServiceTarget,
  tls: boolean,
  credential: Credential,
): Promise<'accepted' | 'refused' | { readonly reason: string }> {
  const token = Buffer.from(`${credential.user}:${credential.password}`, 'utf8').toString('base64');
  const answer = await get(target, tls, { header: `Basic ${token}`, shown: `Basic, user ${credential.user}` });
  if ('reason' in answer) return { reason: answer.reason };
  if (answer.status === 401 || answer.status === 403) return 'refused';
  return answer.status < 400 ? 'accepted' : { reason: `HTTP ${answer.status} after login` };
}
