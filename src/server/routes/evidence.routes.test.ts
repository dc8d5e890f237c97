import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../testing/test-accounts';
import { createTestApp } from '../../testing/test-app';
import { seedAnswerRow, seedAssessmentRow } from '../../testing/test-assessment-rows';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';
import { listFiles, multipartBody, uniquePdf, type FormPart } from '../../testing/test-evidence';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Signs `principal` in and returns headers for a state-changing request. */
async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describe('evidence routes', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let organisationId: string;
  let assessor: TestPrincipal;
  let viewer: TestPrincipal;
  let outsider: TestPrincipal;
  const storedFiles = () => listFiles(join(dataDir, 'evidence'));
  const evidenceRows = () =>
    database.db.selectFrom('evidence').selectAll().where('organisation_id', '=', organisationId).execute();

  const upload = async (principal: TestPrincipal, parts: readonly FormPart[]) => {
    const body = multipartBody(parts);
    return app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { ...(await headersOf(principal)), 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const pdfPart = (data: Buffer, fileName = 'scan.pdf', contentType = 'application/pdf'): FormPart => ({
    name: 'file',
    fileName,
    contentType,
    data,
  });

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-data-'));
    app = await createTestApp(database, { DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: String(1024 * 1024) });
    organisationId = await seedOrganisation(database, 'Alpha');
    assessor = await seedMember(database, organisationId, 'assessor');
    viewer = await seedMember(database, organisationId, 'viewer');
    outsider = await seedMember(database, await seedOrganisation(database, 'Beta'), 'owner');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    // Each test starts with no evidence: rows through the API, files through the store's rules.
    for (const row of await evidenceRows()) {
      await app.inject({
        method: 'DELETE',
        url: `/api/evidence/${row.id}?confirm=true`,
        headers: await headersOf(assessor),
      });
    }
    expect(storedFiles()).toEqual([]);
  });

  it('stores an uploaded PDF with the sniffed type even when the client claims image/png', async () => {
    const pdf = uniquePdf();
    const response = await upload(assessor, [
      { name: 'evidenceDate', value: '2026-11-01' },
      pdfPart(pdf, 'scan.png', 'image/png'),
      { name: 'title', value: 'Port scan (after the file)' },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'file',
      title: 'Port scan (after the file)',
      mediaType: 'application/pdf',
      sha256: sha(pdf),
      sizeBytes: pdf.length,
      originalName: 'scan.png',
      evidenceDate: '2026-11-01',
      supports: [],
    });
    expect(storedFiles()).toEqual([join(sha(pdf).slice(0, 2), sha(pdf))]);
    const rows = await evidenceRows();
    expect(rows.map((row) => [row.media_type, row.sha256])).toEqual([['application/pdf', sha(pdf)]]);
  });

  it('stores the same file uploaded twice once on disk', async () => {
    const pdf = uniquePdf();
    expect((await upload(assessor, [pdfPart(pdf, 'a.pdf')])).statusCode).toBe(200);
    expect((await upload(assessor, [pdfPart(pdf, 'b.pdf')])).statusCode).toBe(200);
    expect(storedFiles()).toHaveLength(1);
    expect(await evidenceRows()).toHaveLength(2);
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 and stores nothing', async () => {
    const response = await upload(assessor, [pdfPart(Buffer.concat([uniquePdf(), Buffer.alloc(1024 * 1024)]))]);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limitBytes: 1024 * 1024,
      errors: [{ field: 'file', code: 'file_too_large', params: { limit: 1024 * 1024 } }],
    });
    expect(response.json().detail).toContain('1 MiB');
    expect(await evidenceRows()).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses a disallowed type, naming the file field', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(64)]);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const refusals = [
      { part: pdfPart(elf, 'report.pdf'), code: 'file_type' },
      { part: pdfPart(html, 'report.html', 'text/html'), code: 'file_text_extension' },
    ];
    for (const { part, code } of refusals) {
      const response = await upload(assessor, [part]);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file', code }] });
    }
    const empty = await upload(assessor, [pdfPart(Buffer.alloc(0), 'empty.pdf')]);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file', code: 'file_empty' }] });
    expect(storedFiles()).toEqual([]);
    expect(await evidenceRows()).toEqual([]);
  });

  it('states the upload limit and the accepted types to any reader', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/evidence/limits', headers: await headersOf(viewer) });
    expect(response.statusCode).toBe(200);
    const limits = response.json<{ maxBytes: number; acceptedExtensions: string[] }>();
    expect(limits.maxBytes).toBe(1024 * 1024);
    expect(limits.acceptedExtensions).toEqual(expect.arrayContaining(['.pdf', '.png', '.xlsx', '.csv']));
    const anonymous = await app.inject({ method: 'GET', url: '/api/evidence/limits' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses malformed forms with a named problem', async () => {
    const noFile = await upload(assessor, [{ name: 'title', value: 'x' }]);
    expect(noFile.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file' }] });
    const twoFiles = await upload(assessor, [pdfPart(uniquePdf()), pdfPart(uniquePdf(), 'second.pdf')]);
    expect(twoFiles.statusCode).toBe(400);
    const unknownField = await upload(assessor, [pdfPart(uniquePdf()), { name: 'owner', value: 'x' }]);
    expect(unknownField.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'owner' }] });
    const badDate = await upload(assessor, [{ name: 'validUntil', value: 'soon' }, pdfPart(uniquePdf())]);
    expect(badDate.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'validUntil' }] });
    const json = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: await headersOf(assessor),
      payload: { title: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(storedFiles()).toEqual([]);
    expect(await evidenceRows()).toEqual([]);
  });

  it('lets a viewer read but not upload', async () => {
    const refused = await upload(viewer, [pdfPart(uniquePdf())]);
    expect(refused.statusCode).toBe(403);
    expect(storedFiles()).toEqual([]);
    const list = await app.inject({ method: 'GET', url: '/api/evidence', headers: await headersOf(viewer) });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ evidence: [] });
  });

  it('downloads with the stored type, an RFC 5987 file name and nosniff — to its own organisation only', async () => {
    const pdf = uniquePdf();
    const created = (await upload(assessor, [pdfPart(pdf, '点検 報告(1).png', 'image/png')])).json<{ id: string }>();
    const download = await app.inject({
      method: 'GET',
      url: `/api/evidence/${created.id}/download`,
      headers: await headersOf(viewer),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(pdf);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="__ __(1).png"; filename*=UTF-8''%E7%82%B9%E6%A4%9C%20%E5%A0%B1%E5%91%8A%281%29.png`,
    );

    const foreign = await app.inject({
      method: 'GET',
      url: `/api/evidence/${created.id}/download`,
      headers: await headersOf(outsider),
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/evidence/${created.id}`, headers: await headersOf(outsider) }))
        .statusCode,
    ).toBe(404);
  });

  it('links, lists by answer, unlinks, and needs confirm to delete evidence behind an accepted answer', async () => {
    const assessmentId = await seedAssessmentRow(database, organisationId);
    await seedAnswerRow(database, organisationId, assessmentId, 'jssec-v2:25', 'accepted');
    const headers = await headersOf(assessor);
    const created = (
      await upload(assessor, [
        { name: 'assessmentId', value: assessmentId },
        { name: 'itemId', value: 'jssec-v2:25' },
        pdfPart(uniquePdf()),
      ])
    ).json<{ id: string; supports: unknown[] }>();
    expect(created.supports).toEqual([{ assessmentId, itemId: 'jssec-v2:25' }]);
    const note = (
      await app.inject({
        method: 'POST',
        url: '/api/evidence/entries',
        headers,
        payload: { kind: 'link', title: 'Config backup', url: 'https://git.example.jp/cameras' },
      })
    ).json<{ id: string }>();
    const linked = await app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/answers/jssec-v2:26/evidence`,
      headers,
      payload: { evidenceId: note.id },
    });
    expect(linked.json()).toMatchObject({ id: note.id, supports: [{ assessmentId, itemId: 'jssec-v2:26' }] });

    const forItem = await app.inject({
      method: 'GET',
      url: `/api/evidence?assessmentId=${assessmentId}&itemId=jssec-v2:26`,
      headers,
    });
    expect(forItem.json<{ evidence: { id: string }[] }>().evidence.map((evidence) => evidence.id)).toEqual([note.id]);
    const unlinked = await app.inject({
      method: 'DELETE',
      url: `/api/assessments/${assessmentId}/answers/jssec-v2:26/evidence/${note.id}`,
      headers,
    });
    expect(unlinked.json()).toEqual({ ok: true });
    expect((await app.inject({ method: 'GET', url: `/api/evidence/${note.id}`, headers })).json()).toMatchObject({
      supports: [],
    });

    const refused = await app.inject({ method: 'DELETE', url: `/api/evidence/${created.id}`, headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CONFLICT',
      acceptedSupports: [{ assessmentId, itemId: 'jssec-v2:25' }],
    });
    expect(storedFiles()).toHaveLength(1);
    const confirmed = await app.inject({ method: 'DELETE', url: `/api/evidence/${created.id}?confirm=true`, headers });
    expect(confirmed.statusCode).toBe(200);
    expect(storedFiles()).toEqual([]);
  });

  it('takes only http(s) links', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/evidence/entries',
      headers: await headersOf(assessor),
      payload: { kind: 'link', title: 'x', url: 'javascript:alert(1)' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ field: 'url' }] });
  });
});

describe('evidence upload limit at the default 25 MiB', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-data-'));
    app = await createTestApp(database, { DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a 30 MB upload with 413 and leaves no row and no file', async () => {
    const organisationId = await seedOrganisation(database, 'Big');
    const session = await (await seedMember(database, organisationId, 'assessor')).session();
    const body = multipartBody([
      {
        name: 'file',
        fileName: 'huge.pdf',
        contentType: 'application/pdf',
        data: Buffer.concat([uniquePdf(), Buffer.alloc(30 * 1000 * 1000)]),
      },
    ]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: 26_214_400 });
    expect(await database.db.selectFrom('evidence').select('id').execute()).toEqual([]);
    expect(listFiles(join(dataDir, 'evidence'))).toEqual([]);
  });
});
