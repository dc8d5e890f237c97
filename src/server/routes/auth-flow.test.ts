import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../integrations/auth/totp';
import { createTestApp, createTestClock } from '../../testing/test-app';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

const PASSWORD = 'kanri-no-himitsu-2026';

function cookieOf(response: LightMyRequestResponse): string {
  const setCookie = response.cookies.find((cookie) => cookie.name === 'iotcheck_session');
  if (!setCookie) throw new Error('no session cookie');
  return `iotcheck_session=${setCookie.value}`;
}

describe('sign-in flow over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const clock = createTestClock();
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database, {}, clock);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  const me = async (cookie: string) =>
    (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();

  it('runs first-time setup once, with a secure session cookie', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/setup' })).json()).toEqual({ needed: true });
    const setup = await app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { email: 'owner@example.jp', password: PASSWORD, organisationName: 'Kojo' },
    });
    expect(setup.statusCode).toBe(200);
    const cookie = setup.cookies.find((c) => c.name === 'iotcheck_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await app.inject({ method: 'GET', url: '/api/auth/setup' })).json()).toEqual({ needed: false });
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { email: 'x@example.jp', password: PASSWORD, organisationName: 'X' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('sends security headers with every answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('enrols TOTP, then asks for a code at sign-in and refuses a replayed one', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@example.jp', password: PASSWORD },
    });
    const cookie = cookieOf(login);
    const { csrfToken } = await me(cookie);
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const enrolment = (await app.inject({ method: 'POST', url: '/api/account/totp/enrol', headers })).json();
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/iotcheck:owner%40example\.jp\?/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(
      (await app.inject({ method: 'POST', url: '/api/account/totp/confirm', headers, payload: { code: '000000' } }))
        .statusCode,
    ).toBe(400);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/account/totp/confirm',
      headers,
      payload: { code: currentTotpCode(enrolment.secret, clock()) },
    });
    expect(confirm.statusCode).toBe(200);

    clock.advance(60_000);
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@example.jp', password: PASSWORD },
    });
    expect(second.json()).toEqual({ status: 'second_factor_required' });
    const pending = cookieOf(second);
    expect((await me(pending)).authenticated).toBe(false);
    const code = currentTotpCode(enrolment.secret, clock());
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login/totp',
          headers: { cookie: pending },
          payload: { code },
        })
      ).statusCode,
    ).toBe(200);
    expect((await me(pending)).user.totpEnabled).toBe(true);

    const third = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@example.jp', password: PASSWORD },
    });
    const replay = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: { cookie: cookieOf(third) },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('issues an API token shown once, honours its role ceiling, and refuses it once revoked', async () => {
    const organisation = await seedOrganisation(database, 'Tokens');
    const owner = await seedMember(database, organisation, 'owner', clock);
    const session = await owner.session();
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/account/tokens',
        headers,
        payload: { name: 'CI', roleCeiling: 'viewer', expiresInDays: 30 },
      })
    ).json();
    expect(created.token).toMatch(/^ioc_/);
    expect(created.record.roleCeiling).toBe('viewer');
    const stored = await database.db
      .selectFrom('api_token')
      .select('token_hash')
      .where('id', '=', created.record.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.token);

    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: bearer })).json().id).toBe(
      organisation,
    );
    expect((await app.inject({ method: 'GET', url: '/api/organisation/members', headers: bearer })).statusCode).toBe(
      403,
    );
    const listed = (await app.inject({ method: 'GET', url: '/api/account/tokens', headers })).json();
    expect(JSON.stringify(listed)).not.toContain(created.token);

    expect(
      (await app.inject({ method: 'DELETE', url: `/api/account/tokens/${created.record.id}`, headers })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: bearer })).statusCode).toBe(401);
  });

  it('makes a reset password usable only for choosing a new one', async () => {
    const organisation = await seedOrganisation(database, 'Reset');
    const admin = await seedMember(database, organisation, 'admin', clock);
    const member = await seedMember(database, organisation, 'assessor', clock);
    const adminSession = await admin.session();
    const reset = await app.inject({
      method: 'POST',
      url: `/api/organisation/members/${member.userId}/reset-password`,
      headers: { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken },
    });
    const { temporaryPassword } = reset.json();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: member.email, password: temporaryPassword },
    });
    const cookie = cookieOf(login);
    const state = await me(cookie);
    expect(state.user.mustChangePassword).toBe(true);
    const headers = { cookie, 'x-csrf-token': state.csrfToken };
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers })).statusCode).toBe(403);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'atarashii-pasuwado-7' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers })).statusCode).toBe(200);
  });
  it('hides organisation data from members without TOTP once the owner makes it mandatory', async () => {
    const organisation = await seedOrganisation(database, 'Strict');
    const owner = await seedMember(database, organisation, 'owner', clock);
    const viewer = await seedMember(database, organisation, 'viewer', clock);
    const ownerSession = await owner.session();
    const update = await app.inject({
      method: 'PATCH',
      url: '/api/organisation',
      headers: { cookie: ownerSession.cookie, 'x-csrf-token': ownerSession.csrfToken },
      payload: { requireTotp: true },
    });
    expect(update.json().requireTotp).toBe(true);
    const viewerSession = await viewer.session();
    expect(
      (await app.inject({ method: 'GET', url: '/api/organisation', headers: { cookie: viewerSession.cookie } }))
        .statusCode,
    ).toBe(403);
    expect((await me(viewerSession.cookie)).totpEnrolmentRequired).toBe(true);
    // The account page stays usable so they can enrol.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/account/totp/enrol',
          headers: { cookie: viewerSession.cookie, 'x-csrf-token': viewerSession.csrfToken },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses an API token after it expires', async () => {
    const organisation = await seedOrganisation(database, 'Expiry');
    const owner = await seedMember(database, organisation, 'owner', clock);
    const session = await owner.session();
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/account/tokens',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        payload: { name: 'short', roleCeiling: 'viewer', expiresInDays: 1 },
      })
    ).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: bearer })).statusCode).toBe(200);
    clock.advance(86_400_000 + 1000);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: bearer })).statusCode).toBe(401);
  });

  it('rate-limits the sign-in endpoint per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress: '198.51.100.77',
            payload: { email: `probe${i}@example.jp`, password: 'wrong-password-x' },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
  it('lets an assessor name the members (for assignees) but not read their addresses and roles', async () => {
    const organisation = await seedOrganisation(database, 'People');
    const assessor = await seedMember(database, organisation, 'assessor', clock);
    await seedMember(database, organisation, 'viewer', clock);
    await seedMember(database, organisation, 'provider', clock);
    const session = await assessor.session();
    const people = (
      await app.inject({ method: 'GET', url: '/api/organisation/people', headers: { cookie: session.cookie } })
    ).json();
    expect(people.people.map((person: { displayName: string }) => person.displayName).sort()).toEqual([
      'assessor',
      'viewer',
    ]);
    expect(JSON.stringify(people)).not.toContain('@');
    expect(
      (await app.inject({ method: 'GET', url: '/api/organisation/members', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(403);
  });
});
