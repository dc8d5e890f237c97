import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, AssessmentDetail, IotSystem } from '../../contracts/assessment.schema';
import type { CatalogNodeView } from '../../contracts/catalog.schema';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

// CSF 1.1 elements that CSF 2.0 withdrew are still current in 1.1: an assessment against 1.1 answers
// all 108 subcategories, and the 1.1 → 2.0 lineage stays visible on both sides.
describe('an assessment against nist-csf-1.1', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let owner: TestPrincipal;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    owner = await seedMember(database, await seedOrganisation(database, 'Csf'), 'owner');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  async function call(method: 'GET' | 'POST', url: string, payload?: object) {
    const session = await owner.session();
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }

  it('has 108 answerable items, superseded ones included', async () => {
    const system = (
      await call('POST', '/api/systems', { name: 'Gateway', criticality: 'important' })
    ).json<IotSystem>();
    const created = await call('POST', '/api/assessments', {
      systemId: system.id,
      title: 'CSF 1.1',
      frameworkId: 'nist-csf-1.1',
    });
    expect(created.statusCode).toBe(200);
    const detail = (await call('GET', `/api/assessments/${created.json<Assessment>().id}`)).json<AssessmentDetail>();
    expect(detail.answers).toHaveLength(108);
    expect(detail.answers.map((answer) => answer.itemId)).toContain('nist-csf-1.1:ID.BE-2');
  });

  it('shows the lineage as "superseded in 2.0" on the 1.1 node and as incoming lineage on the 2.0 node', async () => {
    const old = (await call('GET', '/api/catalog/nodes/nist-csf-1.1:ID.BE-2')).json<CatalogNodeView>();
    expect(old.node.superseded?.to).toEqual(['nist-csf-2.0:GV.OC-01']);
    expect(old.node).not.toHaveProperty('withdrawn');
    const current = (await call('GET', '/api/catalog/nodes/nist-csf-2.0:GV.OC-01')).json<CatalogNodeView>();
    expect(current.crosswalks.incoming.map((link) => link.id)).toContain('nist-csf-1.1:ID.BE-2');
  });
});
