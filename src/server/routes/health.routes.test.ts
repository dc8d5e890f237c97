import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../db/migrate';
import { createTestApp } from '../../testing/test-app';
import { createSqliteTestDatabase, describeEachDialect } from '../../testing/test-database';

describeEachDialect('GET /api/health and /api/ready', (database, dialect) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(database());
  });
  afterAll(async () => app.close());

  it('answers liveness with the version and dialect', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: expect.any(String), database: dialect });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', database: dialect, migrations: { pending: 0 } });
    expect(response.json().migrations.applied).toBeGreaterThan(0);
  });

  it('is not ready while a migration is pending, naming it, and ready again once applied', async () => {
    await migrateDown(database());
    try {
      const response = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'migrations', reason: expect.stringMatching(/^1 pending: \d{8}-\d{4}-/) }),
      ]);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await migrateToLatest(database());
    }
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });
});

it('stays live but not ready when the database is gone, naming the database and no connection detail', async () => {
  const database = await createSqliteTestDatabase();
  const app = await createTestApp(database);
  try {
    await database.close();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().errors).toEqual([{ field: 'database', reason: expect.stringMatching(/^unreachable \(/) }]);
    expect(ready.body).not.toContain(database.url.replace('sqlite:', ''));
  } finally {
    await app.close();
    await database.destroy().catch(() => undefined);
  }
});
