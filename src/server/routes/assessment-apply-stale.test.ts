import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ApplyResult,
  Assessment,
  AssessmentDetail,
  AssessmentDocument,
  IotSystem,
} from '../../contracts/assessment.schema';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { describeEachDialect } from '../../testing/test-database';

// Issue 8, finding 8: applying a document exported before a colleague's save silently undid that save.
describeEachDialect('POST /api/assessments/apply over answers saved since the export', (database) => {
  let app: FastifyInstance;
  let owner: TestPrincipal;
  let colleague: TestPrincipal;

  beforeAll(async () => {
    app = await createTestApp(database());
    const organisationId = await seedOrganisation(database(), 'Stale');
    owner = await seedMember(database(), organisationId, 'owner');
    colleague = await seedMember(database(), organisationId, 'assessor');
  });
  afterAll(async () => {
    await app.close();
  });

  async function call(principal: TestPrincipal, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const session = await principal.session();
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }
  async function setUp() {
    const system = (
      await call(owner, 'POST', '/api/systems', { name: '空調', criticality: 'important' })
    ).json<IotSystem>();
    const assessment = (
      await call(owner, 'POST', '/api/assessments', { systemId: system.id, title: '点検' })
    ).json<Assessment>();
    const save = (version: number, result: string) =>
      call(colleague, 'PUT', `/api/assessments/${assessment.id}/answers/jssec-v2:25`, { version, result });
    expect((await save(0, 'partial')).statusCode).toBe(200);
    const exported = (
      await call(owner, 'GET', `/api/assessments/${assessment.id}/document`)
    ).json<AssessmentDocument>();
    expect(exported.answers[24]).toMatchObject({ item: 'jssec-v2:25', version: 1, result: 'partial' });
    expect(exported.answers[0]).toMatchObject({ item: 'jssec-v2:1', version: 0 });
    expect((await save(1, 'implemented')).statusCode).toBe(200);
    // The owner edits item 1 in the old file; item 25 still says what it said at export time.
    const edited = {
      ...exported,
      answers: exported.answers.map((entry) =>
        entry.item === 'jssec-v2:1' ? { ...entry, result: 'implemented' as const } : entry,
      ),
    };
    const answerOf = async (index: number) =>
      (await call(owner, 'GET', `/api/assessments/${assessment.id}`)).json<AssessmentDetail>().answers[index];
    return { assessment, edited, answerOf };
  }

  it('refuses with 409 located at the stale entry and writes nothing, then applies with force', async () => {
    const { edited, answerOf } = await setUp();
    const refused = await call(owner, 'POST', '/api/assessments/apply', edited);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'answers[24].version', field: 'version', reason: expect.stringContaining('jssec-v2:25') }],
    });
    expect(await answerOf(24)).toMatchObject({ result: 'implemented', version: 2 });
    expect(await answerOf(0)).toMatchObject({ result: 'unanswered', version: 0 });

    const forced = await call(owner, 'POST', '/api/assessments/apply?force=true', edited);
    expect(forced.statusCode).toBe(200);
    expect(forced.json<ApplyResult>()).toMatchObject({ changed: 2 });
    expect(await answerOf(24)).toMatchObject({ result: 'partial', version: 3 });
    expect(await answerOf(0)).toMatchObject({ result: 'implemented', version: 1 });
  });

  it('treats an entry without a version as stale when the item has a saved answer', async () => {
    const { edited, answerOf } = await setUp();
    const unversioned = { ...edited, answers: edited.answers.map(({ version: _version, ...entry }) => entry) };
    const refused = await call(owner, 'POST', '/api/assessments/apply', unversioned);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'answers[24].version' })]);
    // Without the stale entry, items never saved are filled in as before.
    const fresh = { ...unversioned, answers: unversioned.answers.filter((entry) => entry.item !== 'jssec-v2:25') };
    expect((await call(owner, 'POST', '/api/assessments/apply', fresh)).json<ApplyResult>()).toMatchObject({
      changed: 1,
    });
    expect(await answerOf(24)).toMatchObject({ result: 'implemented', version: 2 });
  });

  it('applies a fresh export again without a conflict (idempotent)', async () => {
    const { assessment } = await setUp();
    const fresh = (await call(owner, 'GET', `/api/assessments/${assessment.id}/document`)).json<AssessmentDocument>();
    expect((await call(owner, 'POST', '/api/assessments/apply', fresh)).json<ApplyResult>()).toMatchObject({
      changed: 0,
      unchanged: 60,
    });
  });
});
