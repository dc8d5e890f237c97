import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';
import { multipartBody } from '../../testing/test-evidence';

const TOKEN = 'metrics-token-0123456789';

describeEachDialect('GET /metrics', (database) => {
  let app: FastifyInstance;
  let off: FastifyInstance;
  let assessor: TestPrincipal;
  let organisationId: string;
  beforeAll(async () => {
    app = await createTestApp(database(), { METRICS_TOKEN: TOKEN });
    off = await createTestApp(database());
    organisationId = await seedOrganisation(database(), 'Metrics');
    assessor = await seedMember(database(), organisationId, 'assessor');
  });
  afterAll(async () => {
    await app.close();
    await off.close();
  });

  const scrape = async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token with 401', async () => {
    const closed = await off.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(closed.statusCode).toBe(404);
    expect(closed.json()).toMatchObject({ code: 'NOT_FOUND' });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toContain('Bearer');
      expect(response.body).not.toContain('iotcheck_');
    }
  });

  it('has request latency by route pattern and status class, never the raw URL, and process metrics', async () => {
    await app.inject({ method: 'GET', url: '/api/catalog/nodes/jssec-v2:25' });
    await app.inject({ method: 'GET', url: '/api/catalog/nodes/no-such-node-4711' });
    const text = await scrape();
    expect(text).toMatch(
      /iotcheck_http_request_duration_seconds_count\{method="GET",route="\/api\/catalog\/nodes\/:id",status_class="2xx"\} 1/,
    );
    expect(text).toMatch(/route="\/api\/catalog\/nodes\/:id",status_class="4xx"\} 1/);
    expect(text).not.toContain('no-such-node-4711');
    expect(text).not.toContain('jssec-v2:25');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('reads the job queue by kind and status on each scrape', async () => {
    const job = {
      organisation_id: organisationId,
      params: '{}',
      subject_type: 'assessment',
      subject_id: randomUUID(),
      progress: 0,
      attempts: 0,
      max_attempts: 3,
      requested_by: assessor.userId,
      created_at: new Date().toISOString(),
    };
    await database()
      .db.insertInto('job')
      .values([
        { ...job, id: randomUUID(), kind: 'report-pdf', status: 'queued' },
        { ...job, id: randomUUID(), kind: 'report-pdf', status: 'queued' },
        { ...job, id: randomUUID(), kind: 'vulnerability-match', status: 'running' },
      ])
      .execute();
    const text = await scrape();
    expect(text).toContain('iotcheck_jobs{kind="report-pdf",status="queued"} 2');
    expect(text).toContain('iotcheck_jobs{kind="vulnerability-match",status="running"} 1');
    await database().db.deleteFrom('job').where('kind', '=', 'vulnerability-match').execute();
    expect(await scrape()).not.toContain('kind="vulnerability-match"');
  });

  it('counts devices written by an import (not by a dry run)', async () => {
    const count = (text: string) => Number(/iotcheck_imported_records_total\{kind="devices"\} (\d+)/.exec(text)?.[1]);
    const before = count(await scrape());
    const session = await assessor.session();
    const upload = (query: string) => {
      const body = multipartBody([
        {
          name: 'file',
          fileName: 'devices.csv',
          contentType: 'text/csv',
          data: Buffer.from('asset_tag,name\nM-1,camera\nM-2,sensor\nM-3,gateway\n'),
        },
      ]);
      return app.inject({
        method: 'POST',
        url: `/api/inventory/imports${query}`,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    expect((await upload('?dryRun=true')).statusCode).toBe(200);
    expect(count(await scrape())).toBe(before);
    expect((await upload('')).json()).toMatchObject({ created: 3 });
    expect(count(await scrape())).toBe(before + 3);
  });
});
