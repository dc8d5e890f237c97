import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';

async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describeEachDialect('pending invitations', (database) => {
  let app: FastifyInstance;
  let admin: TestPrincipal;
  let otherAdmin: TestPrincipal;

  beforeAll(async () => {
    app = await createTestApp(database());
    admin = await seedMember(database(), await seedOrganisation(database(), 'Inviting'), 'admin');
    otherAdmin = await seedMember(database(), await seedOrganisation(database(), 'Elsewhere'), 'admin');
  });
  afterAll(async () => {
    await app.close();
  });

  const invite = async (email: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organisation/invitations',
      headers: await headersOf(admin),
      payload: { email, role: 'assessor' },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ url: string }>().url;
  };
  const list = async (principal: TestPrincipal) =>
    (
      await app.inject({ method: 'GET', url: '/api/organisation/invitations', headers: await headersOf(principal) })
    ).json<{ invitations: { id: string; email: string; role: string }[] }>().invitations;

  it('lists pending invitations of the own organisation only, and a revoked link stops working', async () => {
    const link = await invite('first@example.jp');
    await invite('second@example.jp');
    const pending = await list(admin);
    expect(pending.map((invitation) => invitation.email).sort()).toEqual(['first@example.jp', 'second@example.jp']);
    expect(await list(otherAdmin)).toEqual([]);

    const first = pending.find((invitation) => invitation.email === 'first@example.jp');
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/organisation/invitations/${first?.id}`,
      headers: await headersOf(otherAdmin),
    });
    expect(foreign.statusCode).toBe(404);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/organisation/invitations/${first?.id}`,
      headers: await headersOf(admin),
    });
    expect(revoked.statusCode).toBe(200);
    expect((await list(admin)).map((invitation) => invitation.email)).toEqual(['second@example.jp']);

    const token = new URL(link).pathname.split('/').pop() ?? '';
    expect((await app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(404);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'invitation.revoke')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { email: 'first@example.jp', role: 'assessor' } });
  });
});
