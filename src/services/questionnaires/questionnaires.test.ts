import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { beforeEach, expect, it } from 'vitest';
import { hashSecret } from '../../core/auth/tokens';
import { seedOrganisation } from '../../testing/test-accounts';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessment,
  seedMemberActor,
  type MemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import type { GeneratedReport } from '../reports/generated-report';
import { buildQuestionnaireDocument } from './build-questionnaire-document';
import { createQuestionnaire } from './create-questionnaire';
import { generateQuestionnaireWorkbook } from './generate-questionnaire-workbook';
import { importQuestionnaireWorkbook } from './import-questionnaire-workbook';
import { listQuestionnaires } from './list-questionnaires';
import { openQuestionnaireResponse } from './open-questionnaire-response';
import { revokeQuestionnaire } from './revoke-questionnaire';
import { saveQuestionnaireResponse } from './save-questionnaire-response';

async function bytesOf(report: GeneratedReport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await report.write(new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

/** Fills answer cells (column E) of a questionnaire workbook: row number → label, plus optional notes. */
async function fillWorkbook(bytes: Buffer, cells: Record<number, [string, string?]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  for (const [row, [answer, note]] of Object.entries(cells)) {
    sheet.getCell(Number(row), 5).value = answer;
    if (note !== undefined) sheet.getCell(Number(row), 6).value = note;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDialect('vendor questionnaires', (database) => {
  const clock = createTestClock(new Date('2026-12-03T01:00:00.000Z'));
  let deps: ReturnType<typeof createTestAssessmentDeps>;
  let organisationId: string;
  let assessor: MemberActor;
  let provider: MemberActor;
  let assessmentId: string;

  beforeEach(async () => {
    clock.set(new Date('2026-12-03T01:00:00.000Z'));
    deps = createTestAssessmentDeps(database(), clock);
    organisationId = await seedOrganisation(database(), 'Plant');
    assessor = await seedMemberActor(database(), organisationId, 'assessor');
    provider = await seedMemberActor(database(), organisationId, 'provider');
    ({ assessmentId } = await seedAssessment(deps, assessor));
  });

  const create = (
    choice: Parameters<typeof createQuestionnaire>[1]['choice'] = { language: 'ja', providerName: 'Acme 設備' },
  ) => createQuestionnaire(deps, { actor: assessor, assessmentId, choice });

  const answerRows = () =>
    database()
      .db.selectFrom('answer')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .orderBy('item_id')
      .execute();

  it('asks the 20 provider items by default and keeps only the sha256 of the link token', async () => {
    const created = await create();
    expect(created.questionnaire.itemIds).toHaveLength(20);
    expect(created.questionnaire.itemIds).toContain('jssec-v2:16');
    expect(created.questionnaire.state).toBe('open');
    expect(created.questionnaire.expiresAt).toBe('2026-12-17T01:00:00.000Z');
    expect(created.path).toBe(`/questionnaires/respond/${created.token}`);
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    const row = await database()
      .db.selectFrom('questionnaire')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(created.token));
    const audit = await database()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('action', '=', 'questionnaire.create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify([row, audit])).not.toContain(created.token);
  });

  it('takes a chosen item list in sheet order and refuses unknown items and long expiries, located', async () => {
    const created = await create({
      language: 'en',
      providerName: 'Acme',
      itemIds: ['jssec-v2:40', 'jssec-v2:19'],
      expiresInDays: 90,
    });
    expect(created.questionnaire.itemIds).toEqual(['jssec-v2:19', 'jssec-v2:40']);
    const unknown = await domainErrorOf(create({ language: 'ja', providerName: 'Acme', itemIds: ['jssec-v2:99'] }));
    expect(unknown.details).toEqual([expect.objectContaining({ field: 'itemIds', value: 'jssec-v2:99' })]);
    const long = await domainErrorOf(create({ language: 'ja', providerName: 'Acme', expiresInDays: 91 }));
    expect(long.details?.[0]?.field).toBe('expiresInDays');
    const nameless = await domainErrorOf(create({ language: 'ja' }));
    expect(nameless.details?.[0]?.field).toBe('providerName');
  });

  it('builds the document: item title, check points, why it matters, labels in the language', async () => {
    const created = await create({ language: 'en', providerName: 'Acme', itemIds: ['jssec-v2:19'] });
    const document = await buildQuestionnaireDocument(deps, {
      actor: assessor,
      questionnaireId: created.questionnaire.id,
    });
    expect(document.organisationName).toBe('Plant');
    expect(document.systemName).toBe('Building automation');
    expect(document.answerLabels.unknown).toBe("Don't know");
    const [question] = document.questions;
    const item = deps.catalog.nodes.get('jssec-v2:19')!;
    expect(question).toMatchObject({
      itemId: 'jssec-v2:19',
      number: '19',
      question: item.title.en,
      why: item.explanation!.why.en,
    });
    expect(question!.checkPoints.length).toBe(item.childIds.length);
    const other = await seedMemberActor(database(), await seedOrganisation(database(), 'Other'), 'owner');
    expect(
      (
        await domainErrorOf(
          buildQuestionnaireDocument(deps, { actor: other, questionnaireId: created.questionnaire.id }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('opens only for a provider of the organisation holding the right token', async () => {
    const created = await create();
    const form = await openQuestionnaireResponse(deps, { actor: provider, token: created.token });
    expect(form.state).toBe('open');
    expect(form.document.questions).toHaveLength(20);
    expect(form.document.answerLabels.yes).toBe('はい');
    expect((await domainErrorOf(openQuestionnaireResponse(deps, { actor: assessor, token: created.token }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await domainErrorOf(openQuestionnaireResponse(deps, { actor: provider, token: `${created.token}x` }))).code,
    ).toBe('NOT_FOUND');
    const foreignProvider = await seedMemberActor(database(), await seedOrganisation(database(), 'Other'), 'provider');
    expect(
      (await domainErrorOf(openQuestionnaireResponse(deps, { actor: foreignProvider, token: created.token }))).code,
    ).toBe('NOT_FOUND');
  });

  it('saves drafts, refuses an incomplete submission, and on submit turns answers into linked, audited evidence without touching results', async () => {
    const created = await create({
      language: 'ja',
      providerName: 'Acme 設備',
      itemIds: ['jssec-v2:19', 'jssec-v2:36'],
    });
    const token = created.token;
    const before = await answerRows();
    const draft = await saveQuestionnaireResponse(deps, {
      actor: provider,
      token,
      answers: [{ itemId: 'jssec-v2:19', answer: 'yes', freeText: '年 2 回、脆弱性情報を通知しています。' }],
      submit: false,
    });
    expect(draft.state).toBe('open');
    expect(draft.answers).toEqual([
      { itemId: 'jssec-v2:19', answer: 'yes', freeText: '年 2 回、脆弱性情報を通知しています。' },
    ]);
    const incomplete = await domainErrorOf(
      saveQuestionnaireResponse(deps, { actor: provider, token, answers: draft.answers, submit: true }),
    );
    expect(incomplete.details).toEqual([
      expect.objectContaining({ field: 'answers', value: 'jssec-v2:36', code: 'missing' }),
    ]);
    const stray = await domainErrorOf(
      saveQuestionnaireResponse(deps, {
        actor: provider,
        token,
        answers: [{ itemId: 'jssec-v2:1', answer: 'no', freeText: '' }],
        submit: false,
      }),
    );
    expect(stray.details?.[0]).toMatchObject({ field: 'answers[0].itemId', value: 'jssec-v2:1' });

    clock.advance(60_000);
    const submitted = await saveQuestionnaireResponse(deps, {
      actor: provider,
      token,
      answers: [...draft.answers, { itemId: 'jssec-v2:36', answer: 'partly', freeText: '' }],
      submit: true,
    });
    expect(submitted.state).toBe('submitted');
    const evidence = await database()
      .db.selectFrom('evidence')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', 'questionnaire')
      .orderBy('title')
      .execute();
    expect(evidence.map((row) => row.title)).toEqual([
      '提供者回答：Acme 設備（項目19）',
      '提供者回答：Acme 設備（項目36）',
    ]);
    expect(evidence[0]!.body).toContain('回答：はい');
    expect(evidence[0]!.body).toContain('補足：年 2 回、脆弱性情報を通知しています。');
    expect(evidence[0]!.body).toContain(`Web フォームで提供者が回答（${provider.email}、2026-12-03 01:01 UTC）`);
    const links = await database()
      .db.selectFrom('answer_evidence')
      .select(['assessment_id', 'item_id'])
      .where('organisation_id', '=', organisationId)
      .orderBy('item_id')
      .execute();
    expect(links).toEqual([
      { assessment_id: assessmentId, item_id: 'jssec-v2:19' },
      { assessment_id: assessmentId, item_id: 'jssec-v2:36' },
    ]);
    const actions = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('organisation_id', '=', organisationId)
      .orderBy('seq')
      .execute();
    expect(actions.map((row) => row.action).slice(-4)).toEqual([
      'questionnaire.draft',
      'evidence.create',
      'evidence.create',
      'questionnaire.submit',
    ]);
    expect(await answerRows()).toEqual(before);

    const again = await domainErrorOf(
      saveQuestionnaireResponse(deps, { actor: provider, token, answers: submitted.answers, submit: false }),
    );
    expect(again.code).toBe('CONFLICT');
    const reopened = await openQuestionnaireResponse(deps, { actor: provider, token });
    expect(reopened.state).toBe('submitted');
    expect(reopened.answers).toHaveLength(2);
    const [view] = await listQuestionnaires(deps, { actor: assessor, assessmentId });
    expect(view).toMatchObject({ state: 'submitted', answeredCount: 2, submittedBy: provider.userId });
  });

  it('says an expired or revoked link is so, shows no questions and takes no answers', async () => {
    const expiring = await create({ language: 'ja', providerName: 'Acme', expiresInDays: 1 });
    clock.advance(86_400_000);
    const expired = await openQuestionnaireResponse(deps, { actor: provider, token: expiring.token });
    expect(expired).toMatchObject({ state: 'expired', answers: [] });
    expect(expired.document.questions).toEqual([]);
    const late = await domainErrorOf(
      saveQuestionnaireResponse(deps, { actor: provider, token: expiring.token, answers: [], submit: false }),
    );
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('expired');

    const revocable = await create();
    await revokeQuestionnaire(deps, { actor: assessor, questionnaireId: revocable.questionnaire.id });
    expect((await openQuestionnaireResponse(deps, { actor: provider, token: revocable.token })).state).toBe('revoked');
    expect(
      (await domainErrorOf(revokeQuestionnaire(deps, { actor: assessor, questionnaireId: revocable.questionnaire.id })))
        .code,
    ).toBe('CONFLICT');
    const states = (await listQuestionnaires(deps, { actor: assessor, assessmentId })).map((view) => view.state).sort();
    expect(states).toEqual(['expired', 'revoked']);
  });

  it('round-trips the workbook: answers come back as xlsx evidence; bad labels and foreign workbooks change nothing', async () => {
    const created = await create({
      language: 'en',
      providerName: 'Acme',
      itemIds: ['jssec-v2:16', 'jssec-v2:19', 'jssec-v2:20'],
    });
    const questionnaireId = created.questionnaire.id;
    const report = await generateQuestionnaireWorkbook(deps, { actor: assessor, questionnaireId });
    expect(report.fileName).toBe(`iotcheck-questionnaire-${questionnaireId.slice(0, 8)}-20261203.xlsx`);
    const blank = await bytesOf(report);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(blank as unknown as ArrayBuffer);
    const sheet = read.worksheets[0]!;
    expect(sheet.getCell(10, 2).text).toBe(deps.catalog.nodes.get('jssec-v2:16')!.title.en);
    expect(sheet.getCell(10, 5).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Yes,Partly,No,Not applicable,Don\'t know"'],
    });
    expect(read.getWorksheet('iotcheck')?.state).toBe('hidden');

    const bad = await fillWorkbook(blank, { 10: ['Yes'], 11: ['Maybe'] });
    const refused = await domainErrorOf(
      importQuestionnaireWorkbook(deps, { actor: assessor, questionnaireId, file: { fileName: 'a.xlsx', bytes: bad } }),
    );
    expect(refused.details).toEqual([expect.objectContaining({ file: 'a.xlsx', row: 11, column: 5, value: 'Maybe' })]);
    const other = await create({ language: 'en', providerName: 'Other', itemIds: ['jssec-v2:16'] });
    const foreign = await domainErrorOf(
      importQuestionnaireWorkbook(deps, {
        actor: assessor,
        questionnaireId: other.questionnaire.id,
        file: { fileName: 'a.xlsx', bytes: bad },
      }),
    );
    expect(foreign.message).toContain('another questionnaire');
    expect(
      await database()
        .db.selectFrom('questionnaire_answer')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .execute(),
    ).toEqual([]);
    expect(
      await database().db.selectFrom('evidence').selectAll().where('organisation_id', '=', organisationId).execute(),
    ).toEqual([]);

    const good = await fillWorkbook(blank, { 10: ['Yes', 'Signed firmware since 2024.'], 12: ['いいえ'] });
    const result = await importQuestionnaireWorkbook(deps, {
      actor: assessor,
      questionnaireId,
      file: { fileName: 'a.xlsx', bytes: good },
    });
    expect(result.answered).toBe(2);
    const stored = await database()
      .db.selectFrom('questionnaire_answer')
      .select(['item_id', 'answer', 'free_text', 'source'])
      .where('organisation_id', '=', organisationId)
      .orderBy('item_id')
      .execute();
    expect(stored).toEqual([
      { item_id: 'jssec-v2:16', answer: 'yes', free_text: 'Signed firmware since 2024.', source: 'xlsx' },
      { item_id: 'jssec-v2:20', answer: 'no', free_text: '', source: 'xlsx' },
    ]);
    const evidence = await database()
      .db.selectFrom('evidence')
      .select(['title', 'body'])
      .where('organisation_id', '=', organisationId)
      .orderBy('title')
      .execute();
    expect(evidence.map((row) => row.title)).toEqual([
      'Provider answer: Acme — item 16',
      'Provider answer: Acme — item 20',
    ]);
    expect(evidence[0]!.body).toContain('workbook imported by the assessor');
    const [view] = (await listQuestionnaires(deps, { actor: assessor, assessmentId })).filter(
      (entry) => entry.id === questionnaireId,
    );
    expect(view?.state).toBe('submitted');
    const twice = await domainErrorOf(
      importQuestionnaireWorkbook(deps, {
        actor: assessor,
        questionnaireId,
        file: { fileName: 'a.xlsx', bytes: good },
      }),
    );
    expect(twice.code).toBe('CONFLICT');
  });
});
