import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { seedAssessmentRow } from '../../testing/test-assessment-rows';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describe('findings routes', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let organisationId: string;
  let assessmentId: string;
  let assessor: TestPrincipal;
  let viewer: TestPrincipal;
  const input = {
    itemId: 'jssec-v2:25',
    issue: 'Telnet open on cameras',
    priority: 'high',
    recommendation: 'Disable telnet',
    dueDate: '2026-12-31',
  };

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    organisationId = await seedOrganisation(database, 'Alpha');
    assessmentId = await seedAssessmentRow(database, organisationId);
    assessor = await seedMember(database, organisationId, 'assessor');
    viewer = await seedMember(database, organisationId, 'viewer');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const create = async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/findings`,
      headers: await headersOf(assessor),
      payload: input,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ id: string; version: number }>();
  };
  const patch = async (id: string, payload: Record<string, unknown>, principal = assessor) =>
    app.inject({ method: 'PATCH', url: `/api/findings/${id}`, headers: await headersOf(principal), payload });

  it('creates a finding that readers can list but not write', async () => {
    const finding = await create();
    expect(finding).toMatchObject({ ...input, status: 'open', version: 1, acceptedBy: null });
    expect(finding).not.toHaveProperty('organisationId');
    const list = await app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/findings`,
      headers: await headersOf(viewer),
    });
    expect(list.json<{ findings: { id: string }[] }>().findings.map((item) => item.id)).toContain(finding.id);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/findings`,
      headers: await headersOf(viewer),
      payload: input,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses an item outside the framework, naming itemId', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/findings`,
      headers: await headersOf(assessor),
      payload: { ...input, itemId: 'nist-csf-2.0:PR.AA-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'itemId' }] });
  });

  it('updates, and answers a stale version with 409 and the current finding', async () => {
    const finding = await create();
    const updated = await patch(finding.id, { version: 1, status: 'in_progress' });
    expect(updated.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const stale = await patch(finding.id, { version: 1, priority: 'low' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'CONFLICT',
      current: { id: finding.id, version: 2, status: 'in_progress', priority: 'high' },
    });
    expect(stale.json().current).not.toHaveProperty('organisationId');
  });

  it('accepts a risk only with a reason, recording who accepted', async () => {
    const finding = await create();
    const withoutReason = await patch(finding.id, { version: 1, status: 'accepted_risk' });
    expect(withoutReason.statusCode).toBe(400);
    expect(withoutReason.json()).toMatchObject({ errors: [{ field: 'acceptedReason' }] });
    const accepted = await patch(finding.id, {
      version: 1,
      status: 'accepted_risk',
      acceptedReason: 'Isolated VLAN until the 2027 replacement',
    });
    expect(accepted.json()).toMatchObject({
      status: 'accepted_risk',
      acceptedBy: assessor.userId,
      acceptedReason: 'Isolated VLAN until the 2027 replacement',
      version: 2,
    });
    const audit = await database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', finding.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'finding.create', actor_user_id: assessor.userId },
      { action: 'finding.update', actor_user_id: assessor.userId },
    ]);
  });

  it("answers 404 for another organisation's assessment and finding", async () => {
    const finding = await create();
    const outsider = await seedMember(database, await seedOrganisation(database, 'Beta'), 'owner');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/assessments/${assessmentId}/findings`,
          headers: await headersOf(outsider),
        })
      ).statusCode,
    ).toBe(404);
    expect((await patch(finding.id, { version: 1, status: 'resolved' }, outsider)).statusCode).toBe(404);
  });
});
