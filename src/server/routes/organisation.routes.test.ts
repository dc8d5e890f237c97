import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

describe('/api/organisation settings and members', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let owner: TestPrincipal;
  let admin: TestPrincipal;
  let assessor: TestPrincipal;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    const organisationId = await seedOrganisation(database, 'Factory');
    owner = await seedMember(database, organisationId, 'owner');
    admin = await seedMember(database, organisationId, 'admin');
    assessor = await seedMember(database, organisationId, 'assessor');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  async function call(principal: TestPrincipal, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) {
    const session = await principal.session();
    return app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload === undefined ? {} : { payload }),
    });
  }

  it('refuses to demote or remove the last owner with its own code, saying why', async () => {
    const demote = await call(owner, 'PUT', `/api/organisation/members/${owner.userId}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({
      code: 'LAST_OWNER',
      errors: [{ field: 'role', code: 'last_owner' }],
    });
    expect(demote.json().detail).toContain('at least one owner');
    const remove = await call(owner, 'DELETE', `/api/organisation/members/${owner.userId}`);
    expect(remove.json()).toMatchObject({ code: 'LAST_OWNER' });
  });

  it('lets owners and admins turn four-eyes review on and off, not assessors', async () => {
    expect((await call(owner, 'GET', '/api/organisation')).json()).toMatchObject({ requireSeparateReviewer: false });
    const on = await call(admin, 'PUT', '/api/organisation/review-policy', { requireSeparateReviewer: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ requireSeparateReviewer: true, requireTotp: false });
    expect((await call(assessor, 'GET', '/api/organisation')).json()).toMatchObject({ requireSeparateReviewer: true });
    const refused = await call(assessor, 'PUT', '/api/organisation/review-policy', { requireSeparateReviewer: false });
    expect(refused.statusCode).toBe(403);
    const missing = await call(owner, 'PUT', '/api/organisation/review-policy', {});
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'requireSeparateReviewer' }] });
    const off = await call(owner, 'PUT', '/api/organisation/review-policy', { requireSeparateReviewer: false });
    expect(off.json()).toMatchObject({ requireSeparateReviewer: false });
  });
});
