import type { Credential } from '../../core/probes/credential-attempts';
import { findLoginForm } from '../../core/probes/login-form';
import type { ObservationInput } from '../../core/probes/observation';
import { because, type ProbeReason } from '../../core/probes/probe-reason';
import { waitReason } from './conversation';
import { openStream, type ServiceTarget } from './open-stream';

/** The parts of an HTTP answer a probe looks at. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  /** `name=value` of every Set-Cookie header (attributes dropped). */
  readonly cookies: readonly string[];
  readonly title?: string;
  readonly statusLine: string;
  /** The body as read (latin1, at most 32 KiB in all). */
  readonly body: string;
}

/** One request a probe sends; `shown` is what the transcript records (never a password). */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly shown?: string;
}

const MAX_READ = 32 * 1024;

/** True once the answer is whole: its Content-Length read, the page closed, or the limit reached. */
function answerComplete(received: Buffer): boolean {
  if (received.length >= MAX_READ) return true;
  const text = received.toString('latin1');
  const headerEnd = text.indexOf('\r\n\r\n');
  if (headerEnd < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, headerEnd));
  if (length) return received.length - headerEnd - 4 >= Number(length[1]);
  return /<\/html>/i.test(text.slice(headerEnd));
}

/**
 * Sends one HTTP/1.1 request (Connection: close) and reads the answer until it is whole, the
 * server closes, the deadline passes or 32 KiB came; a plain HTTP/1.x parse that tolerates
 * garbage by reporting it as a reason.
 */
export async function httpRequest(
  target: ServiceTarget,
  tls: boolean,
  request: HttpRequest = { method: 'GET', path: '/' },
): Promise<HttpAnswer | { reason: ProbeReason; detail: string }> {
  const conversation = await openStream(target, tls ? {} : false);
  if ('reason' in conversation) return { reason: conversation.reason, detail: '' };
  try {
    const host = target.address.includes(':') ? `[${target.address}]` : target.address;
    const lines = [
      `${request.method} ${request.path} HTTP/1.1`,
      `Host: ${host}:${target.port}`,
      'User-Agent: iotcheck-probe',
      'Accept: */*',
      'Connection: close',
      ...Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
      ...(request.body !== undefined
        ? ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${Buffer.byteLength(request.body)}`]
        : []),
    ];
    conversation.write(
      `${lines.join('\r\n')}\r\n\r\n${request.body ?? ''}`,
      request.shown ?? `${request.method} ${request.path} HTTP/1.1`,
    );
    const outcome = await conversation.waitFor(answerComplete, target.timeoutMs);
    const text = conversation.received.toString('latin1');
    const headerEnd = text.indexOf('\r\n\r\n');
    const statusLine = text.slice(0, text.indexOf('\r\n') >= 0 ? text.indexOf('\r\n') : 80);
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine);
    if (!status || headerEnd < 0) {
      return {
        reason: because('http_no_answer', undefined, [waitReason(outcome)]),
        detail: `${conversation.describe()}\n< ${text.slice(0, 200)}`,
      };
    }
    const headers = new Map<string, string>();
    const cookies: string[] = [];
    for (const line of text.slice(0, headerEnd).split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers.set(name, value);
      if (name === 'set-cookie') cookies.push(value.split(';')[0]!.trim());
    }
    const body = text.slice(headerEnd + 4);
    const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(body)?.[1]?.trim();
    return {
      status: Number(status[1]),
      headers,
      cookies,
      statusLine,
      body,
      ...(title !== undefined ? { title } : {}),
    };
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
  const answer = await httpRequest(target, tls);
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
      reason: because('http_basic_in_clear'),
      detail: describeAnswer(answer),
    };
  }
  if (answer.status === 200 && !tls && findLoginForm(answer.body, '/') !== undefined) {
    return {
      check: 'http',
      result: 'fail',
      findings: ['http_server_identified', 'http_cleartext_login'],
      port: target.port,
      reason: because('http_form_in_clear'),
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
  const answer = await httpRequest(target, tls);
  return !('reason' in answer) && answer.status === 401 && /^basic/i.test(answer.headers.get('www-authenticate') ?? '');
}

/** One HTTP Basic login on `/`: accepted when the answer is no longer 401/403. */
export async function tryHttpBasicLogin(
  target: ServiceTarget,
  tls: boolean,
  credential: Credential,
): Promise<'accepted' | 'refused' | { readonly reason: ProbeReason }> {
  const token = Buffer.from(`${credential.user}:${credential.password}`, 'utf8').toString('base64');
  const answer = await httpRequest(target, tls, {
    method: 'GET',
    path: '/',
    headers: { Authorization: `Basic ${token}` },
    shown: `GET / HTTP/1.1 (Basic, user ${credential.user})`,
  });
  if ('reason' in answer) return { reason: answer.reason };
  if (answer.status === 401 || answer.status === 403) return 'refused';
  return answer.status < 400 ? 'accepted' : { reason: because('http_status_after_login', { status: answer.status }) };
}
