import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor';
import { createSecretBox } from '../../core/auth/secret-box';
import { createArgon2Hasher, type PasswordHasher } from '../../integrations/auth/password-hasher';
import { createTestClock } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';
import { createFirstOwner } from '../accounts/create-first-owner';
import type { AccountDeps } from './account-deps';
import { logIn } from './log-in';
import { resolveSession } from './resolve-actor';

const PASSWORD = 'kanri-no-himitsu-2026';

describeEachDialect('sign-in', (database) => {
  const clock = createTestClock();
  const hasher = createArgon2Hasher();
  let verifications = 0;
  const countingHasher: PasswordHasher = {
    hash: (password) => hasher.hash(password),
    verify: (hashed, password) => {
      verifications += 1;
      return hasher.verify(hashed, password);
    },
  };
  const deps = (): AccountDeps => ({
    database: database(),
    clock,
    passwords: countingHasher,
    secretBox: createSecretBox(randomBytes(32)),
  });
  const context = { clientAddress: '192.0.2.10' };
  const attempt = (email: string, password: string, clientAddress = `198.51.100.${Math.floor(Math.random() * 200)}`) =>
    logIn(deps(), { email, password, context: { clientAddress } }).then(
      () => 'ok',
      (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
    );

  it('creates the first owner once, with no default account', async () => {
    await createFirstOwner(deps(), {
      email: 'Owner@Example.jp',
      password: PASSWORD,
      organisationName: '本社',
      actor: cliActor(),
      context,
    });
    await expect(
      createFirstOwner(deps(), {
        email: 'second@example.jp',
        password: PASSWORD,
        organisationName: 'x',
        actor: cliActor(),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createFirstOwner(deps(), {
        email: 'weak@example.jp',
        password: 'password1234',
        organisationName: 'x',
        actor: cliActor(),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('signs in and resolves the session to the owner of the organisation', async () => {
    const session = await logIn(deps(), { email: 'owner@example.jp', password: PASSWORD, context });
    const resolved = await resolveSession(deps(), session.sessionToken);
    expect(resolved?.actor).toMatchObject({ email: 'owner@example.jp', role: 'owner' });
    const row = await database().db.selectFrom('user_session').select('token_hash').execute();
    expect(row.map((r) => r.token_hash)).not.toContain(session.sessionToken);
  });

  it('answers an unknown address exactly like a wrong password, doing the same hashing work', async () => {
    verifications = 0;
    const unknown = await attempt('nobody@example.jp', 'whatever-it-is-1');
    const unknownWork = verifications;
    verifications = 0;
    const wrong = await attempt('owner@example.jp', 'whatever-it-is-1');
    expect(unknown).toBe(wrong);
    expect(unknown).toMatch(/^UNAUTHENTICATED/);
    expect(unknownWork).toBe(1);
    expect(verifications).toBe(1);
  });

  it('locks the account after repeated failures, refuses the right password until the lock passes, then lets it in', async () => {
    const results: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      results.push(await attempt('owner@example.jp', `wrong-password-${i}`));
      clock.advance(200);
    }
    expect(results.filter((result) => result.startsWith('UNAUTHENTICATED')).length).toBeGreaterThanOrEqual(5);
    expect(results.some((result) => result.startsWith('RATE_LIMITED'))).toBe(true);
    expect(await attempt('owner@example.jp', PASSWORD)).toMatch(/^RATE_LIMITED/);

    const throttle = await database()
      .db.selectFrom('login_throttle')
      .selectAll()
      .where('throttle_key', '=', 'account:owner@example.jp')
      .executeTakeFirstOrThrow();
    clock.set(new Date(new Date(throttle.locked_until ?? 0).getTime() + 1000));
    expect(await attempt('owner@example.jp', PASSWORD)).toBe('ok');
    const after = await database()
      .db.selectFrom('login_throttle')
      .selectAll()
      .where('throttle_key', '=', 'account:owner@example.jp')
      .executeTakeFirst();
    expect(after).toBeUndefined();
  });

  it('locks unknown addresses the same way, so a lock does not reveal an account', async () => {
    for (let i = 0; i < 8; i += 1) await attempt('ghost@example.jp', `wrong-${i}-password`);
    expect(await attempt('ghost@example.jp', 'anything-at-all-1')).toMatch(/^RATE_LIMITED/);
  });

  it('throttles one client address trying many accounts', async () => {
    const results: string[] = [];
    for (let i = 0; i < 25; i += 1)
      results.push(await attempt(`user${i}@example.jp`, 'wrong-password-x', '203.0.113.7'));
    expect(results.at(-1)).toMatch(/^RATE_LIMITED/);
  });
});
