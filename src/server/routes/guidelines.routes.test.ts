import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

describe('/api/catalog guidelines and crosswalk export', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('exports a crosswalk as JSON with source, target, relationship, rationale and origin', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/catalog/crosswalks/jssec-v2/nist-csf-2.0' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ from: string; to: string; links: { source: string; target: string }[] }>();
    expect(body).toMatchObject({ from: 'jssec-v2', to: 'nist-csf-2.0' });
    expect(body.links).toContainEqual({
      source: '23',
      target: 'PR.PS-01',
      relationship: 'subset',
      rationale: { ja: expect.any(String), en: expect.any(String) },
      origin: 'authored',
    });
    expect(new Set(body.links.map((link) => link.source)).size).toBe(60);
  });

  it('exports the same links as CSV with a BOM and a header', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/catalog/crosswalks/jssec-v2/nist-csf-2.0?format=csv',
    });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe('\ufefffrom,source,to,target,relationship,rationale_ja,rationale_en,origin');
    const json = (await app.inject({ method: 'GET', url: '/api/catalog/crosswalks/jssec-v2/nist-csf-2.0' })).json<{
      links: unknown[];
    }>();
    expect(lines.filter((line) => line.startsWith('jssec-v2,'))).toHaveLength(json.links.length);
  });

  it('answers 404 for an unknown framework or document', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/catalog/crosswalks/jssec-v2/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/catalog/guidelines/nope' })).statusCode).toBe(404);
  });

  it('lists the guideline documents, each with the frameworks built from it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/catalog/guidelines' });
    expect(response.statusCode).toBe(200);
    for (const document of response.json<{
      documents: { frameworks: string[]; frameworkSummaries: { id: string }[] }[];
    }>().documents) {
      expect(document.frameworkSummaries.map((summary) => summary.id)).toEqual(document.frameworks);
    }
  });
});
