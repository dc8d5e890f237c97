import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor';
import { createUser } from '../../services/accounts/create-user';
import { createTestAccountDeps, createTestApp, createTestClock } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';

const PASSWORD = 'kanri-no-himitsu-2026';

describeEachDialect('sign-in lockout under parallel guesses', (database) => {
  const clock = createTestClock();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(database(), {}, clock);
    for (const email of ['target@example.jp', 'mixed@example.jp'])
      await createUser(createTestAccountDeps(database(), clock), { actor: cliActor(), email, password: PASSWORD });
    return () => app.close();
  });
  // Each guess from its own address, so only the account's lock is in play (not the address's).
  const login = (email: string, password: string, index: number) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: `198.51.100.${index + 1}`,
      payload: { email, password },
    });

  it('evaluates at most the threshold (5) of 24 parallel wrong passwords; the rest are refused unevaluated', async () => {
    const statuses = (
      await Promise.all(
        Array.from({ length: 24 }, (_, index) => login('target@example.jp', `wrong-${index}-pw`, index)),
      )
    ).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(19);
    const throttle = await database()
      .db.selectFrom('login_throttle')
      .select('failures')
      .where('throttle_key', '=', 'account:target@example.jp')
      .executeTakeFirstOrThrow();
    expect(Number(throttle.failures)).toBe(5);
  });

  it('lets the right password in among 12 parallel wrong ones only if it is one of the first 5 evaluated', async () => {
    const responses = await Promise.all([
      ...Array.from({ length: 12 }, (_, index) => login('mixed@example.jp', `wrong-${index}-pw`, 100 + index)),
      login('mixed@example.jp', PASSWORD, 150),
    ]);
    const evaluated = responses.filter((response) => response.statusCode === 401 || response.statusCode === 200);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(responses.every((response) => [200, 401, 429].includes(response.statusCode))).toBe(true);
    // Once the wrong guesses have locked the account, the right password waits for the lock too.
    const locked = await database()
      .db.selectFrom('login_throttle')
      .select('locked_until')
      .where('throttle_key', '=', 'account:mixed@example.jp')
      .executeTakeFirst();
    if (locked?.locked_until) expect((await login('mixed@example.jp', PASSWORD, 200)).statusCode).toBe(429);
    else expect(responses.at(-1)?.statusCode).toBe(200);
  });
});
