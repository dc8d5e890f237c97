import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InvitationCreated } from '../contracts/auth.schema';
import { seedMember, seedOrganisation, type TestPrincipal } from '../testing/test-accounts';
import { createTestApp } from '../testing/test-app';
import { createSqliteTestDatabase, describeEachDialect } from '../testing/test-database';
import { multipartBody, uniquePdf } from '../testing/test-evidence';

// Issue 8, finding 11 (hygiene), through the HTTP edge on both dialects.
describeEachDialect('HTTP hygiene', (database) => {
  let app: FastifyInstance;
  let owner: TestPrincipal;

  beforeAll(async () => {
    app = await createTestApp(database());
    owner = await seedMember(database(), await seedOrganisation(database(), 'Hygiene'), 'owner');
  });
  afterAll(async () => {
    await app.close();
  });
  const headersOf = async () => {
    const session = await owner.session();
    return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  };

  it('strips bidirectional-override characters from evidence file names', async () => {
    const body = multipartBody([
      { name: 'file', fileName: 'invoice\u202Efdp.exe\u2066\u200f', contentType: 'application/pdf', data: uniquePdf() },
    ]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { ...(await headersOf()), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ originalName: 'invoicefdp.exe', title: 'invoicefdp.exe' });
  });

  it('does not tell an invitation holder whether the address has an account', async () => {
    const invite = async (email: string) => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/organisation/invitations',
        headers: await headersOf(),
        payload: { email, role: 'viewer' },
      });
      expect(created.statusCode).toBe(200);
      const view = await app.inject({
        method: 'GET',
        url: `/api/invitations/${created.json<InvitationCreated>().token}`,
      });
      expect(view.statusCode).toBe(200);
      return view.json<Record<string, unknown>>();
    };
    const existing = await invite(owner.email);
    const fresh = await invite('nobody-yet@example.jp');
    expect(Object.keys(existing).sort()).toEqual(['email', 'expiresAt', 'organisationName', 'role']);
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(existing).sort());
    expect(existing).not.toHaveProperty('hasAccount');
  });
});

it('sends upgrade-insecure-requests only when PUBLIC_URL is https', async () => {
  const database = await createSqliteTestDatabase();
  const policyFor = async (publicUrl: string) => {
    const app = await createTestApp(database, { PUBLIC_URL: publicUrl });
    try {
      return String((await app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']);
    } finally {
      await app.close();
    }
  };
  try {
    const lan = await policyFor('http://192.168.10.5:8080');
    expect(lan).toContain("default-src 'self'");
    expect(lan).not.toContain('upgrade-insecure-requests');
    expect(await policyFor('https://iotcheck.example.co.jp')).toContain('upgrade-insecure-requests');
  } finally {
    await database.destroy();
  }
});
