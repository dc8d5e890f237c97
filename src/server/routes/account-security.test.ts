import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { updatePassword } from '../../db/user.repository';
import { createArgon2Hasher } from '../../integrations/auth/password-hasher';
import { currentTotpCode } from '../../integrations/auth/totp';
import { createTestApp, createTestClock } from '../../testing/test-app';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';

const PASSWORD = 'kanri-no-himitsu-2026';
const MINUTE = 60_000;

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'iotcheck_session');
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return `iotcheck_session=${cookie.value}`;
}

describeEachDialect('account security over HTTP', (database) => {
  const clock = createTestClock();
  let app: FastifyInstance;
  let organisation: string;
  const hashed = createArgon2Hasher().hash(PASSWORD);
  beforeAll(async () => {
    app = await createTestApp(database(), {}, clock);
    organisation = await seedOrganisation(database(), 'Plant');
    return () => app.close();
  });

  /** A member with a password who signs in through the API (a real, recently authenticated session). */
  const member = async (role: 'owner' | 'admin' | 'assessor' | 'viewer' = 'assessor') => {
    const seeded = await seedMember(database(), organisation, role, clock);
    await updatePassword(database().db, seeded.userId, {
      passwordHash: await hashed,
      mustChangePassword: false,
      now: clock().toISOString(),
    });
    return seeded;
  };
  const signIn = async (email: string, password = PASSWORD) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    return { status: response.json().status as string, headers: await headersOf(cookieOf(response)) };
  };
  /** The cookie and, once the session is complete, its CSRF token. */
  const headersOf = async (cookie: string): Promise<{ cookie: string } & Record<string, string>> => {
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    return me.csrfToken ? { cookie, 'x-csrf-token': me.csrfToken as string } : { cookie };
  };
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const createToken = async (headers: Record<string, string>, roleCeiling = 'viewer') => {
    const response = await post('/api/account/tokens', headers, { name: 'CI', roleCeiling, expiresInDays: 30 });
    expect(response.statusCode).toBe(200);
    return { authorization: `Bearer ${response.json().token as string}` };
  };
  /** Enrols TOTP through the API and returns the secret and the recovery codes. */
  const enrol = async (headers: Record<string, string>) => {
    const { secret } = (await post('/api/account/totp/enrol', headers)).json();
    const confirm = await post('/api/account/totp/confirm', headers, { code: currentTotpCode(secret, clock()) });
    expect(confirm.statusCode).toBe(200);
    clock.advance(31_000); // the next code must come from a newer time step
    return { secret: secret as string, recoveryCodes: confirm.json().recoveryCodes as string[] };
  };

  it('refuses an API token on every account-security route (finding 4)', async () => {
    const user = await member();
    const { headers } = await signIn(user.email);
    const bearer = await createToken(headers, 'owner');
    const attempts = [
      await post('/api/account/totp/enrol', bearer),
      await post('/api/account/password', bearer, { currentPassword: PASSWORD, newPassword: 'atarashii-pasuwado-7' }),
      await post('/api/account/tokens', bearer, { name: 'more', roleCeiling: 'viewer', expiresInDays: 1 }),
      await post('/api/auth/reauthenticate', bearer, { password: PASSWORD }),
      await post('/api/account/totp/disable', bearer, { password: PASSWORD }),
      await post('/api/account/totp/recovery-codes', bearer, { password: PASSWORD }),
    ];
    expect(attempts.map((response) => response.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    const row = await database()
      .db.selectFrom('app_user')
      .select(['totp_secret_sealed', 'password_hash'])
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_sealed).toBeNull();
    expect(row.password_hash).toBe(await hashed);
  });

  it('asks a session older than 15 minutes to re-enter the password first (finding 4)', async () => {
    const user = await member();
    const { headers } = await signIn(user.email);
    clock.advance(16 * MINUTE);
    const stale = await post('/api/account/totp/enrol', headers);
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('REAUTHENTICATION_REQUIRED');
    expect(
      (await post('/api/account/tokens', headers, { name: 'x', roleCeiling: 'viewer', expiresInDays: 1 })).json().code,
    ).toBe('REAUTHENTICATION_REQUIRED');
    expect((await post('/api/auth/reauthenticate', headers, { password: 'not-my-password-1' })).statusCode).toBe(400);
    expect((await post('/api/auth/reauthenticate', headers, { password: PASSWORD })).statusCode).toBe(200);
    expect((await post('/api/account/totp/enrol', headers)).statusCode).toBe(200);
  });

  it("revokes a user's tokens when an admin resets the password or the user changes it (finding 5)", async () => {
    const admin = await member('admin');
    const user = await member();
    const first = await signIn(user.email);
    const tokenBeforeReset = await createToken(first.headers);
    const adminSession = await signIn(admin.email);
    const reset = await post(`/api/organisation/members/${user.userId}/reset-password`, adminSession.headers);
    expect(reset.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: tokenBeforeReset })).statusCode).toBe(
      401,
    );

    const temporary = await signIn(user.email, reset.json().temporaryPassword);
    const changed = await post('/api/account/password', temporary.headers, {
      currentPassword: reset.json().temporaryPassword,
      newPassword: 'atarashii-pasuwado-7',
    });
    expect(changed.statusCode).toBe(200);
    const tokenBeforeChange = await createToken(temporary.headers);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: tokenBeforeChange })).statusCode).toBe(
      200,
    );
    expect(
      (
        await post('/api/account/password', temporary.headers, {
          currentPassword: 'atarashii-pasuwado-7',
          newPassword: 'mata-atarashii-pasuwado-8',
        })
      ).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: tokenBeforeChange })).statusCode).toBe(
      401,
    );
  });

  it('answers a token of a user who must change the password with 403 PASSWORD_CHANGE_REQUIRED (finding 5)', async () => {
    const user = await member();
    const bearer = await createToken((await signIn(user.email)).headers);
    await database()
      .db.updateTable('app_user')
      .set({ must_change_password: 1 })
      .where('id', '=', user.userId)
      .execute();
    const response = await app.inject({ method: 'GET', url: '/api/organisation', headers: bearer });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('drops a pending session after 5 wrong codes; the password step must be redone (finding 6)', async () => {
    const user = await member();
    const { secret } = await enrol((await signIn(user.email)).headers);
    const pending = await signIn(user.email);
    expect(pending.status).toBe('second_factor_required');
    const wrong: number[] = [];
    for (let guess = 0; guess < 5; guess += 1)
      wrong.push(
        (await post('/api/auth/login/totp', { cookie: pending.headers.cookie }, { code: '000000' })).statusCode,
      );
    expect(wrong).toEqual([401, 401, 401, 401, 401]);
    const right = await post(
      '/api/auth/login/totp',
      { cookie: pending.headers.cookie },
      { code: currentTotpCode(secret, clock()) },
    );
    expect(right.statusCode).toBe(401);
    const sessions = await database()
      .db.selectFrom('user_session')
      .select('second_factor_pending')
      .where('user_id', '=', user.userId)
      .execute();
    expect(sessions.filter((session) => session.second_factor_pending === 1)).toEqual([]);
    // At most 5 codes were checked on that session: the account's own limit then allows a fresh start after its lock.
    clock.advance(2 * MINUTE);
    const again = await signIn(user.email);
    const ok = await post(
      '/api/auth/login/totp',
      { cookie: again.headers.cookie },
      { code: currentTotpCode(secret, clock()) },
    );
    expect(ok.statusCode).toBe(200);
  });

  it('limits wrong codes per account across pending sessions, and ends a pending session after 5 minutes (finding 6)', async () => {
    const user = await member();
    const { secret } = await enrol((await signIn(user.email)).headers);
    for (let session = 0; session < 3; session += 1) {
      const pending = await signIn(user.email);
      for (let guess = 0; guess < 2; guess += 1)
        await post('/api/auth/login/totp', { cookie: pending.headers.cookie }, { code: '000000' });
    }
    const fresh = await signIn(user.email);
    const locked = await post(
      '/api/auth/login/totp',
      { cookie: fresh.headers.cookie },
      { code: currentTotpCode(secret, clock()) },
    );
    expect(locked.statusCode).toBe(429);

    clock.advance(16 * MINUTE);
    const late = await signIn(user.email);
    clock.advance(6 * MINUTE);
    const expired = await post(
      '/api/auth/login/totp',
      { cookie: late.headers.cookie },
      { code: currentTotpCode(secret, clock()) },
    );
    expect(expired.statusCode).toBe(401);
  });

  it('gives 10 recovery codes that each sign in once, regenerable and TOTP removable with the password (issue 9)', async () => {
    const user = await member();
    const first = await signIn(user.email);
    const { recoveryCodes } = await enrol(first.headers);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await database()
      .db.selectFrom('totp_recovery_code')
      .select('code_hash')
      .where('user_id', '=', user.userId)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replaceAll('-', ''));

    const pending = await signIn(user.email);
    expect(
      (
        await post(
          '/api/auth/login/totp',
          { cookie: pending.headers.cookie },
          { code: recoveryCodes[0]!.toUpperCase() },
        )
      ).statusCode,
    ).toBe(200);
    const status = (
      await app.inject({ method: 'GET', url: '/api/account/totp', headers: await headersOf(pending.headers.cookie) })
    ).json();
    expect(status).toEqual({ enabled: true, recoveryCodesLeft: 9 });
    const reuse = await signIn(user.email);
    expect(
      (await post('/api/auth/login/totp', { cookie: reuse.headers.cookie }, { code: recoveryCodes[0]! })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/auth/login/totp', { cookie: reuse.headers.cookie }, { code: recoveryCodes[1]! })).statusCode,
    ).toBe(200);

    expect(
      (
        await post('/api/account/totp/recovery-codes', await headersOf(reuse.headers.cookie), {
          password: 'not-my-password-1',
        })
      ).statusCode,
    ).toBe(400);
    const regenerated = await post('/api/account/totp/recovery-codes', await headersOf(reuse.headers.cookie), {
      password: PASSWORD,
    });
    expect(regenerated.json().recoveryCodes).toHaveLength(10);
    const old = await signIn(user.email);
    expect(
      (await post('/api/auth/login/totp', { cookie: old.headers.cookie }, { code: recoveryCodes[2]! })).statusCode,
    ).toBe(401);
    expect(
      (
        await post(
          '/api/auth/login/totp',
          { cookie: old.headers.cookie },
          { code: regenerated.json().recoveryCodes[0] },
        )
      ).statusCode,
    ).toBe(200);

    // Turning TOTP off: refused while the organisation requires it, then allowed with the password.
    const signedIn = await headersOf(old.headers.cookie);
    await database().db.updateTable('organisation').set({ require_totp: 1 }).where('id', '=', organisation).execute();
    const mandatory = await post('/api/account/totp/disable', signedIn, { password: PASSWORD });
    expect(mandatory.statusCode).toBe(403);
    expect(mandatory.json().code).toBe('TOTP_MANDATORY');
    await database().db.updateTable('organisation').set({ require_totp: 0 }).where('id', '=', organisation).execute();
    expect((await post('/api/account/totp/disable', signedIn, { password: 'not-my-password-1' })).statusCode).toBe(400);
    expect((await post('/api/account/totp/disable', signedIn, { password: PASSWORD })).statusCode).toBe(200);
    expect((await signIn(user.email)).status).toBe('signed_in');
    expect(
      await database().db.selectFrom('totp_recovery_code').select('id').where('user_id', '=', user.userId).execute(),
    ).toEqual([]);
  });
});
