import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditTrail } from '../services/audit/verify-audit-trail';
import { seedMember, seedOrganisation, type TestPrincipal } from '../testing/test-accounts';
import { createTestApp } from '../testing/test-app';
import { describeEachDialect } from '../testing/test-database';

// Issue 8, finding 3: text with a lone surrogate used to reach the audit trail, whose stored copy then
// no longer matched its hash, so `audit verify` reported tampering for good.
describeEachDialect('ill-formed text at the HTTP edge', (database) => {
  let app: FastifyInstance;
  let owner: TestPrincipal;

  beforeAll(async () => {
    app = await createTestApp(database());
    owner = await seedMember(database(), await seedOrganisation(database(), 'Surrogate'), 'owner');
  });
  afterAll(async () => {
    await app.close();
  });

  async function asOwner(method: 'PATCH' | 'POST' | 'PUT', url: string, payload: object) {
    const session = await owner.session();
    return app.inject({ method, url, payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
  }
  async function expectAuditIntact() {
    const reports = await verifyAuditTrail({ database: database() });
    expect(reports.filter((report) => !report.result.ok)).toEqual([]);
  }

  it('refuses five sign-ins with a lone surrogate in the e-mail, naming the field, and the audit trail stays intact', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'ev\ud800il@example.jp', password: 'wrong-password-123' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'body/email', reason: expect.stringContaining('surrogate') }],
      });
    }
    await expectAuditIntact();
  });

  it('refuses organisation names and invitations with a lone surrogate, and audited changes still verify', async () => {
    const rename = await asOwner('PATCH', '/api/organisation', { name: '本\udc00社' });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().errors).toEqual([expect.objectContaining({ path: 'body/name' })]);
    const invitation = await asOwner('POST', '/api/organisation/invitations', {
      email: 'new\ud83d@example.jp',
      role: 'viewer',
    });
    expect(invitation.statusCode).toBe(400);
    expect(invitation.json().errors).toEqual([expect.objectContaining({ path: 'body/email' })]);
    expect((await asOwner('PATCH', '/api/organisation', { name: '本社 😀' })).statusCode).toBe(200);
    await expectAuditIntact();
  });
});
