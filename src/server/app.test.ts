import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { describeEachDialect } from '../testing/test-database';

describeEachDialect('HTTP edge', (database, dialect) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(database(), { BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(async () => app.close());

  it('reports health with the dialect, and readiness with migration counts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: dialect });
    expect(response.headers['x-request-id']).toBeTruthy();
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.json()).toMatchObject({ status: 'ready', database: dialect, migrations: { pending: 0 } });
    expect(ready.json().migrations.applied).toBeGreaterThan(0);
  });

  it('answers unknown API routes with a 404 problem and no stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
    expect(response.body).not.toContain('at ');
  });

  it('publishes an OpenAPI 3.1 document that lists health', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/health');
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('refuses a body over the limit with a 413 problem', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/health', payload: { text: 'x'.repeat(5000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('says the web app is not built when dist/web is missing', async () => {
    const response = await app.inject({ method: 'GET', url: '/checksheet' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
  });
});
