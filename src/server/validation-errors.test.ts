import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../testing/test-accounts';
import { createTestApp } from '../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../testing/test-database';

describe('request validation', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let assessor: TestPrincipal;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    assessor = await seedMember(database, await seedOrganisation(database, 'Checks'), 'assessor');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('names every invalid field of a request at once, each with a code the web translates', async () => {
    const session = await assessor.session();
    const response = await app.inject({
      method: 'POST',
      url: '/api/systems',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: { name: '', criticality: 'whatever', actor: { kind: 'user' } },
    });
    expect(response.statusCode).toBe(400);
    const errors = response.json<{ errors: { field?: string; path?: string; code?: string }[] }>().errors;
    expect(errors.map((error) => error.field).sort()).toEqual(['actor', 'criticality', 'name']);
    expect(errors.find((error) => error.field === 'name')?.code).toBe('blank');
  });
});
