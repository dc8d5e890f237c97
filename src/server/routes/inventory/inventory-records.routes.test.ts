import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp } from '../../../testing/test-app';
import { seedAssessmentRow } from '../../../testing/test-assessment-rows';
import { createSqliteTestDatabase, type TestDatabase } from '../../../testing/test-database';

async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describe('inventory provider, flow and facts routes', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let organisationId: string;
  let assessmentId: string;
  let systemId: string;
  let assessor: TestPrincipal;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    organisationId = await seedOrganisation(database, 'Alpha');
    assessmentId = await seedAssessmentRow(database, organisationId);
    const assessment = await database.db
      .selectFrom('assessment')
      .select('system_id')
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    systemId = assessment.system_id;
    assessor = await seedMember(database, organisationId, 'assessor');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('answers a stale provider change with 409 and the stored provider', async () => {
    const headers = await headersOf(assessor);
    const created = await app.inject({
      method: 'POST',
      url: '/api/inventory/providers',
      headers,
      payload: { name: 'Integrator S', kind: 'integrator' },
    });
    expect(created.statusCode).toBe(200);
    const { id } = created.json<{ id: string }>();
    const first = await app.inject({
      method: 'PATCH',
      url: `/api/inventory/providers/${id}`,
      headers,
      payload: { version: 1, dataOwnership: 'Customer owns all data' },
    });
    expect(first.json()).toMatchObject({ version: 2 });
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/inventory/providers/${id}`,
      headers,
      payload: { version: 1, name: 'Late' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', current: { version: 2, name: 'Integrator S' } });
  });

  it('refuses a bad country with a located 400, lists flows of a system, and counts facts for the assessment', async () => {
    const headers = await headersOf(assessor);
    const deviceId = await seedLinkedDevice(database, organisationId, { systemId });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/inventory/data-flows',
      headers,
      payload: {
        from: { kind: 'device', id: deviceId },
        to: { kind: 'external', name: 'X', country: 'QQ' },
        protocol: 'MQTT',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('to.country');
    const good = await app.inject({
      method: 'POST',
      url: '/api/inventory/data-flows',
      headers,
      payload: {
        systemId,
        from: { kind: 'device', id: deviceId },
        to: { kind: 'external', name: 'Cloud', country: 'SG' },
        protocol: 'MQTT',
        port: 1883,
        encrypted: 'no',
      },
    });
    expect(good.json()).toMatchObject({ crossesBorder: true, encrypted: 'no' });
    const list = await app.inject({ method: 'GET', url: `/api/inventory/data-flows?systemId=${systemId}`, headers });
    expect(list.json<{ flows: unknown[] }>().flows).toHaveLength(1);
    const facts = await app.inject({ method: 'GET', url: `/api/assessments/${assessmentId}/inventory-facts`, headers });
    expect(facts.statusCode).toBe(200);
    expect(facts.json<{ facts: { itemId: string; key: string; count: number }[] }>().facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: 'jssec-v2:2', key: 'flowsUnencrypted', count: 1 }),
        expect.objectContaining({ itemId: 'jssec-v2:2', key: 'devicesLinked', count: 1 }),
      ]),
    );
  });
});
