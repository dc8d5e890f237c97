import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { userActor } from '../../../core/auth/actor';
import { generateChecksheetWorkbook } from '../../../services/reports/generate-checksheet-workbook';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp } from '../../../testing/test-app';
import { createTestAssessmentDeps, seedAssessment } from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';
import { multipartBody, type FormPart } from '../../../testing/test-evidence';
import { checksheetSheet, editWorkbook, rowOfNumber, writeReportFile } from '../../../testing/test-workbooks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDialect('POST /api/assessments/:id/workbook-imports', (database) => {
  let app: FastifyInstance;
  let dataDir: string;
  let assessor: TestPrincipal;
  let viewer: TestPrincipal;
  let assessmentId: string;
  let otherAssessmentId: string;
  let workbook: Buffer;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-workbook-route-'));
    app = await createTestApp(database(), { DATA_DIR: dataDir });
    const organisationId = await seedOrganisation(database(), 'Plant');
    assessor = await seedMember(database(), organisationId, 'assessor');
    viewer = await seedMember(database(), organisationId, 'viewer');
    const actor = userActor({
      userId: assessor.userId,
      email: assessor.email,
      organisationId,
      role: 'assessor',
      via: 'session',
      mustChangePassword: false,
    });
    const deps = createTestAssessmentDeps(database());
    ({ assessmentId } = await seedAssessment(deps, actor));
    ({ assessmentId: otherAssessmentId } = await seedAssessment(deps, actor, { title: 'Other' }));
    const file = join(dataDir, 'export.xlsx');
    await writeReportFile(await generateChecksheetWorkbook(deps, { actor, assessmentId, language: 'ja' }), file);
    await editWorkbook(file, (book) => {
      rowOfNumber(checksheetSheet(book), 40).getCell(6).value = '未実施';
      rowOfNumber(checksheetSheet(book), 41).getCell(7).value = '台帳は四半期ごとに見直す';
    });
    workbook = readFileSync(file);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (who: TestPrincipal, id: string, parts: FormPart[]) => {
    const body = multipartBody(parts);
    const session = await who.session();
    return app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/workbook-imports`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const file = (data: Buffer): FormPart => ({ name: 'file', fileName: 'チェックシート.xlsx', contentType: XLSX, data });
  const spooled = () => readdirSync(join(dataDir, 'tmp'));

  it('previews with dryRun, then applies, and leaves no spooled copy', async () => {
    const preview = await upload(assessor, assessmentId, [file(workbook), { name: 'dryRun', value: 'true' }]);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      assessmentId,
      applied: false,
      changes: [
        { itemId: 'jssec-v2:40', number: '40', field: 'result', before: 'unanswered', after: 'not_implemented' },
        { itemId: 'jssec-v2:41', number: '41', field: 'comment', before: '', after: '台帳は四半期ごとに見直す' },
      ],
    });
    const applied = await upload(assessor, assessmentId, [file(workbook)]);
    expect(applied.json()).toMatchObject({ applied: true, changes: preview.json().changes });
    const again = await upload(assessor, assessmentId, [file(workbook)]);
    expect(again.json()).toMatchObject({ applied: true, changes: [] });
    expect(spooled()).toEqual([]);
  });

  it('refuses the workbook at another assessment, a viewer, an unknown field and a zip bomb, applying nothing', async () => {
    const elsewhere = await upload(assessor, otherAssessmentId, [file(workbook)]);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([expect.objectContaining({ path: 'iotcheck!B2', field: 'assessmentId' })]);
    expect((await upload(viewer, assessmentId, [file(workbook)])).statusCode).toBe(403);
    const smuggled = await upload(assessor, assessmentId, [file(workbook), { name: 'actor', value: 'owner' }]);
    expect(smuggled.statusCode).toBe(400);
    expect(smuggled.json().errors).toEqual([expect.objectContaining({ field: 'actor' })]);

    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(16 * 1024 ** 2));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const refused = await upload(assessor, assessmentId, [file(bomb)]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ code: 'zip_limits', reason: expect.stringMatching(/unpacks/) }),
    ]);
    const oversized = await upload(assessor, assessmentId, [file(Buffer.alloc(21 * 1024 ** 2, 0x50))]);
    expect(oversized.statusCode).toBe(413);
    expect(spooled()).toEqual([]);
  });
});
