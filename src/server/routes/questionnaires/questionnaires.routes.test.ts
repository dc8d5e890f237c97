import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp, createTestClock } from '../../../testing/test-app';
import { createTestAssessmentDeps, seedAssessment, seedMemberActor } from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';
import { multipartBody } from '../../../testing/test-evidence';

async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describeEachDialect('questionnaire routes', (database) => {
  const clock = createTestClock(new Date('2026-12-03T01:00:00.000Z'));
  let app: FastifyInstance;
  let organisationId: string;
  let assessor: TestPrincipal;
  let provider: TestPrincipal;
  let viewer: TestPrincipal;
  let assessmentId: string;

  beforeAll(async () => {
    app = await createTestApp(database(), {}, clock);
    organisationId = await seedOrganisation(database(), 'Plant');
    assessor = await seedMember(database(), organisationId, 'assessor', clock);
    provider = await seedMember(database(), organisationId, 'provider', clock);
    viewer = await seedMember(database(), organisationId, 'viewer', clock);
    const owner = await seedMemberActor(database(), organisationId, 'owner');
    ({ assessmentId } = await seedAssessment(createTestAssessmentDeps(database(), clock), owner));
    return () => app.close();
  });

  const create = async (body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/questionnaires`,
      headers: await headersOf(assessor),
      payload: body,
    });

  it('creates a link once, lists it without the token, and lets only the provider open it by a token in the body', async () => {
    const created = await create({ language: 'en', providerName: 'Acme', itemIds: ['jssec-v2:16', 'jssec-v2:36'] });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const { path, questionnaire } = created.json<{ path: string; questionnaire: { id: string } }>();
    const token = path.split('/').pop() ?? '';
    expect(token).toHaveLength(43);
    const list = await app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/questionnaires`,
      headers: await headersOf(assessor),
    });
    expect(list.json().questionnaires[0]).toMatchObject({ id: questionnaire.id, state: 'open', answeredCount: 0 });
    expect(list.body).not.toContain(token);

    const open = (who: TestPrincipal, sent: string) =>
      headersOf(who).then((headers) =>
        app.inject({ method: 'POST', url: '/api/questionnaire-responses/open', headers, payload: { token: sent } }),
      );
    const opened = await open(provider, token);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().document.questions.map((question: { number: string }) => question.number)).toEqual([
      '16',
      '36',
    ]);
    expect((await open(assessor, token)).statusCode).toBe(403);
    expect((await open(viewer, token)).statusCode).toBe(403);
    const wrong = await open(provider, 'not-the-token');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).not.toContain('not-the-token');
  });

  it('submits through the API: evidence appears on the item, the questionnaire turns read-only', async () => {
    const created = await create({ language: 'ja', providerName: 'Acme', itemIds: ['jssec-v2:16'] });
    const token = created.json<{ path: string }>().path.split('/').pop() ?? '';
    const headers = await headersOf(provider);
    const answers = [{ itemId: 'jssec-v2:16', answer: 'no', freeText: '認証は取得していません。' }];
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/questionnaire-responses/submit',
      headers,
      payload: { token, answers },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().state).toBe('submitted');
    const evidence = await app.inject({
      method: 'GET',
      url: `/api/evidence?assessmentId=${assessmentId}&itemId=jssec-v2:16`,
      headers: await headersOf(assessor),
    });
    const titles = evidence.json<{ evidence: { kind: string; title: string; body: string }[] }>().evidence;
    expect(titles).toContainEqual(
      expect.objectContaining({
        kind: 'questionnaire',
        title: '提供者回答：Acme（項目16）',
        body: expect.stringContaining('回答：いいえ'),
      }),
    );
    const again = await app.inject({
      method: 'POST',
      url: '/api/questionnaire-responses/save',
      headers,
      payload: { token, answers },
    });
    expect(again.statusCode).toBe(409);
  });

  it('downloads the questionnaire as a PDF for assessors only', async () => {
    const created = await create({ language: 'ja', providerName: 'Acme', itemIds: ['jssec-v2:16', 'jssec-v2:36'] });
    const { id } = created.json<{ questionnaire: { id: string } }>().questionnaire;
    const download = await app.inject({
      method: 'GET',
      url: `/api/questionnaires/${id}/pdf`,
      headers: await headersOf(assessor),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="iotcheck-questionnaire-/);
    expect(download.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const refused = await app.inject({
      method: 'GET',
      url: `/api/questionnaires/${id}/pdf`,
      headers: await headersOf(provider),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('downloads the workbook and imports it filled in; a broken file is refused with its name', async () => {
    const created = await create({
      language: 'ja',
      providerName: 'Beta 設備',
      itemIds: ['jssec-v2:20', 'jssec-v2:21'],
    });
    const id = created.json<{ questionnaire: { id: string } }>().questionnaire.id;
    const download = await app.inject({
      method: 'GET',
      url: `/api/questionnaires/${id}/workbook`,
      headers: await headersOf(assessor),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    expect(download.headers['content-disposition']).toContain(`iotcheck-questionnaire-${id.slice(0, 8)}-20261203.xlsx`);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/questionnaires/${id}/workbook`,
          headers: await headersOf(provider),
        })
      ).statusCode,
    ).toBe(403);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getCell(10, 5).value = 'はい';
    workbook.worksheets[0]!.getCell(11, 5).value = '不明';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const send = async (data: Buffer, fileName: string) => {
      const form = multipartBody([{ name: 'file', fileName, contentType: 'application/octet-stream', data }]);
      return app.inject({
        method: 'POST',
        url: `/api/questionnaires/${id}/import`,
        headers: { ...(await headersOf(assessor)), 'content-type': form.contentType },
        payload: form.payload,
      });
    };
    const broken = await send(Buffer.from('not a workbook'), 'answers.xlsx');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ file: 'answers.xlsx' });
    const imported = await send(filled, 'answers.xlsx');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ answered: 2 });
    const revoked = await app.inject({
      method: 'POST',
      url: `/api/questionnaires/${id}/revoke`,
      headers: await headersOf(assessor),
    });
    expect(revoked.statusCode).toBe(409);
  });
});
