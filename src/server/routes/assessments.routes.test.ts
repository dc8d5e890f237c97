import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Answer,
  ApplyResult,
  Assessment,
  AssessmentDetail,
  AssessmentDocument,
  AssessmentSummary,
  IotSystem,
} from '../../contracts/assessment.schema';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

describe('/api/systems and /api/assessments', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let owner: TestPrincipal;
  let assessor: TestPrincipal;
  let stranger: TestPrincipal;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    const organisationId = await seedOrganisation(database, 'Factory');
    owner = await seedMember(database, organisationId, 'owner');
    assessor = await seedMember(database, organisationId, 'assessor');
    stranger = await seedMember(database, await seedOrganisation(database, 'Elsewhere'), 'owner');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  async function call(
    principal: TestPrincipal,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
  ) {
    const session = await principal.session();
    return app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  async function newAssessment(title = 'FY2026 点検') {
    const system = (
      await call(owner, 'POST', '/api/systems', { name: '受変電設備', criticality: 'critical', tags: ['OT'] })
    ).json<IotSystem>();
    const assessment = (
      await call(owner, 'POST', '/api/assessments', { systemId: system.id, title })
    ).json<Assessment>();
    return { system, assessment };
  }

  it('creates, lists and edits systems, answering a stale edit with 409 and the current system', async () => {
    const created = await call(owner, 'POST', '/api/systems', {
      name: '監視カメラ',
      criticality: 'important',
      internetFacing: true,
    });
    expect(created.statusCode).toBe(200);
    const system = created.json<IotSystem>();
    expect(system).toMatchObject({ name: '監視カメラ', internetFacing: true, version: 1, tags: [] });
    const changed = await call(assessor, 'PATCH', `/api/systems/${system.id}`, { version: 1, ownerName: '設備課' });
    expect(changed.json<IotSystem>()).toMatchObject({ ownerName: '設備課', version: 2, name: '監視カメラ' });
    const stale = await call(owner, 'PATCH', `/api/systems/${system.id}`, { version: 1, name: '別名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', current: { ownerName: '設備課', version: 2 } });
    const list = (await call(assessor, 'GET', '/api/systems')).json<{ systems: IotSystem[] }>();
    expect(list.systems.map((entry) => entry.name)).toContain('監視カメラ');
  });

  it('locates every refused field with a reason code a client can translate', async () => {
    const blank = await call(owner, 'POST', '/api/systems', { name: '', criticality: 'important' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'name', code: 'blank', path: 'body/name' })]);
    const missing = await call(owner, 'POST', '/api/systems', { name: '監視カメラ' });
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'criticality', code: 'missing' })]);
    const tooLong = await call(owner, 'POST', '/api/systems', { name: 'x'.repeat(201), criticality: 'important' });
    expect(tooLong.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'max_length', params: { limit: 200 } }),
    ]);
    const { system } = await newAssessment();
    const backwards = await call(owner, 'POST', '/api/assessments', {
      systemId: system.id,
      title: '  ',
      periodStart: '2026-04-01',
      periodEnd: '2026-03-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'title', code: 'blank', reason: 'needs 1–200 characters' },
        { field: 'periodEnd', code: 'end_before_start', reason: 'is before periodStart' },
      ],
    });
  });

  it('answers a stale answer save with 409 carrying the current answer', async () => {
    const { assessment } = await newAssessment();
    const url = `/api/assessments/${assessment.id}/answers/jssec-v2:25`;
    const first = await call(assessor, 'PUT', url, { version: 0, result: 'partial', comment: '3 台が未対応' });
    expect(first.statusCode).toBe(200);
    expect(first.json<Answer>()).toMatchObject({ itemId: 'jssec-v2:25', version: 1, result: 'partial' });

    const stale = await call(owner, 'PUT', url, { version: 0, result: 'implemented' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      current: { itemId: 'jssec-v2:25', version: 1, result: 'partial', comment: '3 台が未対応', evidenceCount: 0 },
    });

    const invalid = await call(assessor, 'PUT', `/api/assessments/${assessment.id}/answers/30`, {
      version: 0,
      result: 'not_applicable',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'justification' }] });

    const detail = (await call(assessor, 'GET', `/api/assessments/${assessment.id}`)).json<AssessmentDetail>();
    expect(detail.answers).toHaveLength(60);
    expect(detail.answers.find((answer) => answer.itemId === 'jssec-v2:30')).toMatchObject({
      result: 'unanswered',
      version: 0,
    });
  });

  it('lets assessors ready an answer but only reviewers accept it', async () => {
    const { assessment } = await newAssessment();
    const base = `/api/assessments/${assessment.id}/answers/jssec-v2:26`;
    await call(assessor, 'PUT', base, { version: 0, result: 'implemented' });
    expect(
      (await call(assessor, 'POST', `${base}/review`, { action: 'ready', version: 1 })).json<Answer>().reviewState,
    ).toBe('ready_for_review');
    const refused = await call(assessor, 'POST', `${base}/review`, { action: 'accept', version: 2 });
    expect(refused.statusCode).toBe(403);
    const accepted = await call(owner, 'POST', `${base}/review`, { action: 'accept', version: 2 });
    expect(accepted.json<Answer>()).toMatchObject({ reviewState: 'accepted', version: 3 });
    const history = (await call(assessor, 'GET', `${base}/history`)).json<{ entries: { version: number }[] }>();
    expect(history.entries.map((entry) => entry.version)).toEqual([3, 2, 1]);
  });

  it('refuses answers to a done assessment with ASSESSMENT_CLOSED, not the stale-version conflict', async () => {
    const { assessment } = await newAssessment();
    let version = assessment.version;
    for (const status of ['in_progress', 'in_review', 'done']) {
      const changed = (
        await call(owner, 'POST', `/api/assessments/${assessment.id}/status`, { status, version })
      ).json<Assessment>();
      version = changed.version;
      expect(changed.status).toBe(status);
    }
    const refused = await call(assessor, 'PUT', `/api/assessments/${assessment.id}/answers/1`, {
      version: 0,
      result: 'implemented',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'ASSESSMENT_CLOSED',
      errors: [{ field: 'status', code: 'assessment_closed', reason: 'done' }],
    });
    expect(refused.json()).not.toHaveProperty('current');
    const snapshots = (await call(assessor, 'GET', `/api/assessments/${assessment.id}/snapshots`)).json<{
      snapshots: { reason: string; status: string }[];
    }>();
    expect(snapshots.snapshots.map((snapshot) => snapshot.status)).toEqual(['in_progress', 'in_review', 'done']);
    const wrongMove = await call(owner, 'POST', `/api/assessments/${assessment.id}/status`, {
      status: 'planned',
      version,
    });
    expect(wrongMove.statusCode).toBe(409);
  });

  it('applies a document over HTTP: every problem located, then idempotent', async () => {
    const { system, assessment } = await newAssessment();
    const bad = await call(assessor, 'POST', '/api/assessments/apply', {
      iotcheck: 'assessment/v1',
      assessment: { id: assessment.id, systemId: system.id, title: 't', frameworkId: 'jssec-v2' },
      answers: [
        { item: '99', result: 'implemented' },
        { item: '1', result: 'maybe' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual([
      'answers[1].result',
      'answers[0].item',
    ]);

    const document = (
      await call(assessor, 'GET', `/api/assessments/${assessment.id}/document`)
    ).json<AssessmentDocument>();
    const edited = {
      ...document,
      answers: document.answers.map((answer) =>
        answer.item === 'jssec-v2:2' ? { ...answer, result: 'implemented' } : answer,
      ),
    };
    expect((await call(assessor, 'POST', '/api/assessments/apply', edited)).json<ApplyResult>()).toMatchObject({
      changed: 1,
      unchanged: 59,
    });
    expect((await call(assessor, 'POST', '/api/assessments/apply', edited)).json<ApplyResult>()).toMatchObject({
      changed: 0,
      unchanged: 60,
    });
  });

  it('lists with scores, copies and compares', async () => {
    const { system, assessment } = await newAssessment('FY2025 点検');
    await call(assessor, 'POST', `/api/assessments/${assessment.id}/answers`, {
      answers: [{ itemId: '1', version: 0, result: 'partial' }],
    });
    const copy = (await call(owner, 'POST', `/api/assessments/${assessment.id}/copy`, {})).json<Assessment>();
    expect(copy).toMatchObject({ title: 'FY2026 点検', copiedFrom: assessment.id, status: 'planned' });
    await call(assessor, 'PUT', `/api/assessments/${copy.id}/answers/1`, { version: 1, result: 'implemented' });
    const comparison = (await call(assessor, 'GET', `/api/assessments/${assessment.id}/compare/${copy.id}`)).json<{
      items: { itemId: string; change: string }[];
    }>();
    expect(comparison.items[0]).toMatchObject({ itemId: 'jssec-v2:1', change: 'improved' });
    const list = (await call(assessor, 'GET', `/api/assessments?systemId=${system.id}`)).json<{
      assessments: AssessmentSummary[];
    }>();
    expect(list.assessments.map((entry) => entry.id).sort()).toEqual([assessment.id, copy.id].sort());
    expect(list.assessments.find((entry) => entry.id === copy.id)?.overallScore).toBeCloseTo(1 / 60);
  });

  it('never shows or changes another organisation’s systems and assessments (404)', async () => {
    const { system, assessment } = await newAssessment();
    const { assessment: mine } = await (async () => {
      const own = (
        await call(stranger, 'POST', '/api/systems', { name: 'mine', criticality: 'supporting' })
      ).json<IotSystem>();
      return {
        assessment: (
          await call(stranger, 'POST', '/api/assessments', { systemId: own.id, title: 'mine' })
        ).json<Assessment>(),
      };
    })();
    const id = assessment.id;
    const attempts = [
      await call(stranger, 'GET', `/api/assessments/${id}`),
      await call(stranger, 'GET', `/api/assessments/${id}/scores`),
      await call(stranger, 'GET', `/api/assessments/${id}/gaps`),
      await call(stranger, 'GET', `/api/assessments/${id}/document`),
      await call(stranger, 'GET', `/api/assessments/${mine.id}/compare/${id}`),
      await call(stranger, 'PUT', `/api/assessments/${id}/answers/1`, { version: 0, result: 'implemented' }),
      await call(stranger, 'POST', `/api/assessments/${id}/status`, { status: 'in_progress', version: 1 }),
      await call(stranger, 'POST', `/api/assessments/${id}/copy`, {}),
      await call(stranger, 'GET', `/api/systems/${system.id}`),
      await call(stranger, 'PATCH', `/api/systems/${system.id}`, { version: 1, name: 'taken' }),
      await call(stranger, 'POST', '/api/assessments', { systemId: system.id, title: 'hijack' }),
    ];
    expect(attempts.map((response) => response.statusCode)).toEqual(attempts.map(() => 404));
    const listed = (await call(stranger, 'GET', '/api/assessments')).json<{ assessments: AssessmentSummary[] }>();
    expect(listed.assessments.map((entry) => entry.id)).toEqual([mine.id]);
    const untouched = await database.db
      .selectFrom('answer')
      .select('item_id')
      .where('assessment_id', '=', id)
      .execute();
    expect(untouched).toEqual([]);
  });
});
