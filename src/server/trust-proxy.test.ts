import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { FREE_FAILURES } from '../core/auth/login-throttle';
import { createTestApp, createTestClock } from '../testing/test-app';
import { describeEachDialect } from '../testing/test-database';

// Issue 8, finding 9: behind a reverse proxy every user shared the proxy's address and its lockout.
describeEachDialect('TRUST_PROXY and the sign-in throttling address', (database) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
  });

  async function failFrom(forwardedFor: string, attempt: number) {
    if (!app) throw new Error('no app');
    return app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: `nobody-${forwardedFor}-${attempt}@example.jp`, password: 'not-the-password-1' },
    });
  }
  async function lockOut(forwardedFor: string) {
    for (let attempt = 0; attempt < FREE_FAILURES.address; attempt += 1)
      expect((await failFrom(forwardedFor, attempt)).statusCode).toBe(401);
  }

  it('with TRUST_PROXY set to the proxy, X-Forwarded-For decides which client is locked out', async () => {
    app = await createTestApp(database(), { TRUST_PROXY: '127.0.0.1' }, createTestClock());
    await lockOut('203.0.113.5');
    expect((await failFrom('203.0.113.5', 99)).statusCode).toBe(429);
    expect((await failFrom('198.51.100.7', 0)).statusCode).toBe(401);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: the connecting address is throttled', async () => {
    app = await createTestApp(database(), {}, createTestClock());
    await lockOut('192.0.2.10');
    expect((await failFrom('192.0.2.20', 0)).statusCode).toBe(429);
  });
});
