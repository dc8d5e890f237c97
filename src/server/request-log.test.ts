import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../testing/test-database';

describe('request log lines', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let lines: Record<string, unknown>[];
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    app = await createTestApp(database, { LOG_LEVEL: 'info' }, undefined, '/nonexistent', { logStream });
  });
  beforeEach(() => {
    lines = [];
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const requestLines = () => lines.filter((line) => line['msg'] === 'request');

  it('writes one JSON line per request with the given request id, method, route pattern, status and duration', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/catalog/nodes/jssec-v2:25',
      headers: { 'x-request-id': 'lb-7f3a9c21' },
    });
    expect(response.headers['x-request-id']).toBe('lb-7f3a9c21');
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 30,
        requestId: 'lb-7f3a9c21',
        method: 'GET',
        route: '/api/catalog/nodes/:id',
        url: '/api/catalog/nodes/jssec-v2:25',
        status: response.statusCode,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(lines.filter((line) => line['msg'] === 'incoming request')).toEqual([]);
  });

  it('replaces an unsafe or oversized X-Request-Id with a generated one and echoes that', async () => {
    for (const given of ['has spaces in it', 'x'.repeat(65), 'short', 'semi;colon1234']) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/catalog/frameworks',
        headers: { 'x-request-id': given },
      });
      const id = String(response.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestLines().at(-1)).toMatchObject({ requestId: id, route: '/api/catalog/frameworks' });
    }
  });

  it('keeps invitation tokens and OIDC codes out of the log', async () => {
    await app.inject({ method: 'GET', url: '/api/invitations/SeCrEtInViTe123' });
    await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=SeCrEtCoDe&state=SeCrEtStAtE' });
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/SeCrEt/);
    expect(requestLines().map((line) => line['route'])).toEqual(['/api/invitations/:token', '/api/auth/oidc/callback']);
  });

  it('logs unmatched routes with a null route and health probes only at debug level', async () => {
    await app.inject({ method: 'GET', url: '/api/nope' });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/ready' });
    expect(requestLines()).toEqual([expect.objectContaining({ route: null, status: 404, url: '/api/nope' })]);
  });
});
