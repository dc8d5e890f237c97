import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestClock } from '../../testing/test-app';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';

describeEachDialect('only owners act on owners', (database) => {
  const clock = createTestClock();
  let app: FastifyInstance;
  let owner: TestPrincipal;
  let admin: TestPrincipal;
  let assessor: TestPrincipal;
  beforeAll(async () => {
    app = await createTestApp(database(), {}, clock);
    const organisation = await seedOrganisation(database(), 'Plant');
    owner = await seedMember(database(), organisation, 'owner', clock);
    admin = await seedMember(database(), organisation, 'admin', clock);
    assessor = await seedMember(database(), organisation, 'assessor', clock);
    return () => app.close();
  });
  const as = async (principal: TestPrincipal) => {
    const session = await principal.session();
    return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  };
  const auditCount = async () =>
    Number(
      (
        await database()
          .db.selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<string | number>().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );

  it("refuses an admin resetting an owner's password (OWNER_ONLY), and changes nothing", async () => {
    const before = await database()
      .db.selectFrom('app_user')
      .select(['password_hash', 'must_change_password'])
      .where('id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    const audits = await auditCount();
    const response = await app.inject({
      method: 'POST',
      url: `/api/organisation/members/${owner.userId}/reset-password`,
      headers: await as(admin),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'OWNER_ONLY' });
    expect(response.body).not.toContain('temporaryPassword');
    const after = await database()
      .db.selectFrom('app_user')
      .select(['password_hash', 'must_change_password'])
      .where('id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses an admin changing, removing or inviting an owner, with the same code', async () => {
    const headers = await as(admin);
    const demote = await app.inject({
      method: 'PUT',
      url: `/api/organisation/members/${owner.userId}`,
      headers,
      payload: { role: 'viewer' },
    });
    const promote = await app.inject({
      method: 'PUT',
      url: `/api/organisation/members/${assessor.userId}`,
      headers,
      payload: { role: 'owner' },
    });
    const remove = await app.inject({ method: 'DELETE', url: `/api/organisation/members/${owner.userId}`, headers });
    const invite = await app.inject({
      method: 'POST',
      url: '/api/organisation/invitations',
      headers,
      payload: { email: 'new-owner@example.jp', role: 'owner' },
    });
    for (const response of [demote, promote, remove, invite]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('OWNER_ONLY');
    }
    const roles = await database()
      .db.selectFrom('membership')
      .select(['user_id', 'role'])
      .where('user_id', 'in', [owner.userId, assessor.userId])
      .execute();
    expect(Object.fromEntries(roles.map((row) => [row.user_id, row.role]))).toEqual({
      [owner.userId]: 'owner',
      [assessor.userId]: 'assessor',
    });
  });

  it('still lets an admin reset a non-owner and an owner reset another owner', async () => {
    const reset = await app.inject({
      method: 'POST',
      url: `/api/organisation/members/${assessor.userId}/reset-password`,
      headers: await as(admin),
    });
    expect(reset.statusCode).toBe(200);
    const secondOwner = await seedMember(database(), owner.organisationId, 'owner', clock);
    const byOwner = await app.inject({
      method: 'POST',
      url: `/api/organisation/members/${secondOwner.userId}/reset-password`,
      headers: await as(owner),
    });
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().temporaryPassword).toEqual(expect.any(String));
  });
});
