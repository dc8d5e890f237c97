import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../core/probes/observation';
import { planTargets } from '../../core/probes/plan';
import type { ProbeResult } from '../../core/probes/probe-result';
import { defineScope } from '../../core/probes/scope';
import { runProbe } from './run-probe';

/** How a test web server answers a submitted login form. */
type Behaviour = 'real' | 'no-defaults' | 'blank-page' | 'accepts-anyone';

const SERVERS: Readonly<Record<string, Behaviour>> = {
  '127.0.41.1': 'real', // admin/admin logs in: redirect to /home with a session cookie
  '127.0.41.2': 'no-defaults', // every default is refused: the form comes back
  '127.0.41.3': 'blank-page', // a plain page without form nor cookie for any submission
  '127.0.41.4': 'accepts-anyone', // redirects with a cookie whatever is typed
};
const PORT = 8080;

const LOGIN_PAGE = `<!doctype html><html><head><title>Camera Login</title></head><body>
<form method="post" action="/cgi-bin/login">
<input type="hidden" name="token" value="t-1">
<input type="text" name="usr"><input type="password" name="pw"><button>Log in</button>
</form></body></html>`;

function handler(behaviour: Behaviour, sessions: Set<string>) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0];
      const cookie = /sid=(\w+)/.exec(request.headers.cookie ?? '')?.[1];
      if (path === '/') return void response.writeHead(302, { Location: '/login.html' }).end();
      if (path === '/login.html')
        return void response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'pre=1' }).end(LOGIN_PAGE);
      if (path === '/cgi-bin/login' && request.method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.get('token') !== 't-1') return void response.writeHead(400).end('bad token');
        const good =
          behaviour === 'accepts-anyone' ||
          (behaviour === 'real' && form.get('usr') === 'admin' && form.get('pw') === 'admin');
        if (behaviour === 'blank-page') return void response.writeHead(200).end('<html><p>Thanks</p></html>');
        if (!good) return void response.writeHead(302, { Location: '/login.html?error=1' }).end();
        const sid = Math.random().toString(36).slice(2);
        sessions.add(sid);
        return void response.writeHead(302, { Location: '/home', 'Set-Cookie': `sid=${sid}; HttpOnly` }).end();
      }
      if (path === '/home') {
        if (cookie && sessions.has(cookie))
          return void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><h1>Live view</h1></html>');
        return void response.writeHead(302, { Location: '/login.html' }).end();
      }
      response.writeHead(404).end();
    });
  };
}

describe('HTTP form default login against Node web servers on 127.0.41.x', () => {
  const servers: Server[] = [];
  let result: ProbeResult;

  beforeAll(async () => {
    for (const [address, behaviour] of Object.entries(SERVERS)) {
      const server = createServer(handler(behaviour, new Set()));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(PORT, address, resolve);
      });
      servers.push(server);
    }
    const scope = defineScope({ targets: '127.0.41.1-127.0.41.4', allowCredentials: true });
    const plan = planTargets(scope, { ports: [PORT], checks: ['http', 'default-credentials'] });
    result = await runProbe(plan, {
      rate: { connectionsPerSecond: 500, maxConcurrency: 8 },
      serviceTimeoutMs: 3000,
      useBuiltInCredentials: false,
      credentials: [
        { user: 'root', password: 'pass-wrong' },
        { user: 'admin', password: 'admin' },
        { user: 'guest', password: 'never-tried' },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const login = (address: string): Observation | undefined =>
    result.targets
      .find((target) => target.address === address)
      ?.observations.find((o) => o.check === 'default-credentials' && o.port === PORT);

  it('finds the form behind the redirect, logs in with admin/admin and stops there, keeping no password', () => {
    expect(login('127.0.41.1')).toMatchObject({
      result: 'fail',
      findings: ['default_credential_accepted'],
      items: ['jssec-v2:25', 'jssec-v2:26'],
      reason: 'default credential accepted for user admin',
      reasonCodes: [{ code: 'default_credential_accepted', params: { user: 'admin' } }],
    });
    expect(login('127.0.41.1')?.detail).toContain('accepted on attempt 2 of at most 3, user admin');
    expect(login('127.0.41.1')?.detail).toContain('POST /cgi-bin/login');
    const stored = JSON.stringify(result);
    expect(stored).not.toContain('pass-wrong');
    expect(stored).not.toMatch(/pw=admin/);
  });

  it('passes item 25 when the server sends every default back to the form', () => {
    expect(login('127.0.41.2')).toMatchObject({ result: 'pass', findings: ['default_credentials_refused'] });
    expect(login('127.0.41.2')?.detail).toContain('3 attempts, refused for users root, admin, guest');
  });

  it('is inconclusive with a reason when the answer to a login cannot be told', () => {
    expect(login('127.0.41.3')).toMatchObject({
      result: 'inconclusive',
      reasonCodes: [{ code: 'attempts_not_judged', params: { count: 3, tried: 3 } }],
    });
    expect(login('127.0.41.3')?.detail).toContain('the login form went away but no session cookie was set');
  });

  it('does not report a default credential when even a made-up account "logs in"', () => {
    expect(login('127.0.41.4')).toMatchObject({
      result: 'inconclusive',
      reasonCodes: [{ code: 'http_form_control_accepted' }],
    });
  });
});
