import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DomainError } from '../../core/domain-error';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { seedAssessmentRow, setAssessmentStatusRow } from '../../testing/test-assessment-rows';
import { describeEachDialect } from '../../testing/test-database';
import {
  createTestEvidenceSetup,
  incomingFile,
  uniquePdf,
  userActor,
  type TestEvidenceSetup,
} from '../../testing/test-evidence';
import { uploadEvidence } from './upload-evidence';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachDialect('uploadEvidence', (database) => {
  let setup: TestEvidenceSetup;
  let organisationId: string;
  let actor: ReturnType<typeof userActor>;
  beforeEach(async () => {
    setup = createTestEvidenceSetup(database(), { maxBytes: 64 * 1024 });
    organisationId = await seedOrganisation(database(), 'Uploader');
    actor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
  });
  afterEach(() => setup.cleanUp());

  const rowsOf = async (id: string) =>
    database().db.selectFrom('evidence').selectAll().where('organisation_id', '=', id).execute();

  it('stores the file under its sha256 with the sniffed type, titled by its name, and audits it', async () => {
    const pdf = uniquePdf();
    const evidence = await uploadEvidence(setup.deps, {
      actor,
      file: incomingFile(pdf, 'C:\\scans\\port-scan.png'),
      details: async () => ({ evidenceDate: '2026-11-01' }),
    });
    expect(evidence).toMatchObject({
      kind: 'file',
      title: 'port-scan.png',
      originalName: 'port-scan.png',
      mediaType: 'application/pdf',
      sha256: sha(pdf),
      sizeBytes: pdf.length,
      evidenceDate: '2026-11-01',
      supports: [],
    });
    expect(await setup.storedFiles()).toEqual([`${sha(pdf).slice(0, 2)}/${sha(pdf)}`]);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('target_id', '=', evidence.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['evidence.create']);
    expect(JSON.parse(audit[0]?.summary ?? '{}')).toMatchObject({
      after: { sha256: sha(pdf), mediaType: 'application/pdf' },
    });
  });

  it('keeps identical content once on disk, as two rows', async () => {
    const pdf = uniquePdf();
    const first = await uploadEvidence(setup.deps, {
      actor,
      file: incomingFile(pdf, 'a.pdf'),
      details: async () => ({ title: 'First' }),
    });
    const second = await uploadEvidence(setup.deps, {
      actor,
      file: incomingFile(pdf, 'b.pdf'),
      details: async () => ({ title: 'Second' }),
    });
    expect(first.sha256).toBe(second.sha256);
    expect(await setup.storedFiles()).toHaveLength(1);
    expect((await rowsOf(organisationId)).map((row) => row.title).sort()).toEqual(['First', 'Second']);
  });

  it('links the new evidence to an answer in the same request', async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    const evidence = await uploadEvidence(setup.deps, {
      actor,
      file: incomingFile(uniquePdf(), 'a.pdf'),
      details: async () => ({ assessmentId, itemId: 'jssec-v2:25' }),
    });
    expect(evidence.supports).toEqual([{ assessmentId, itemId: 'jssec-v2:25' }]);
    const links = await database()
      .db.selectFrom('answer_evidence')
      .select(['item_id', 'organisation_id'])
      .where('evidence_id', '=', evidence.id)
      .execute();
    expect(links).toEqual([{ item_id: 'jssec-v2:25', organisation_id: organisationId }]);
  });

  it.each([
    ['cut at the size limit', () => incomingFile(uniquePdf(), 'a.pdf', true), async () => ({}), 'PAYLOAD_TOO_LARGE'],
    [
      'over the size limit',
      () => incomingFile(Buffer.concat([uniquePdf(), Buffer.alloc(70 * 1024)]), 'a.pdf'),
      async () => ({}),
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'of a refused type',
      () => incomingFile(Buffer.from('MZ\x90\x00\x03\x00\x00\x00binary'), 'tool.pdf'),
      async () => ({}),
      'VALIDATION_FAILED',
    ],
    [
      'text without a text name',
      () => incomingFile(Buffer.from('<script>alert(1)</script>'), 'page.html'),
      async () => ({}),
      'VALIDATION_FAILED',
    ],
    [
      'with bad fields',
      () => incomingFile(uniquePdf(), 'a.pdf'),
      async () => Promise.reject(new DomainError('VALIDATION_FAILED', 'bad', [{ field: 'title', reason: 'too long' }])),
      'VALIDATION_FAILED',
    ],
    [
      'with a validity ending before it starts',
      () => incomingFile(uniquePdf(), 'a.pdf'),
      async () => ({ evidenceDate: '2026-11-02', validUntil: '2026-11-01' }),
      'VALIDATION_FAILED',
    ],
    [
      'linked to only half an answer',
      () => incomingFile(uniquePdf(), 'a.pdf'),
      async () => ({ itemId: 'jssec-v2:25' }),
      'VALIDATION_FAILED',
    ],
    [
      'linked to an unknown assessment',
      () => incomingFile(uniquePdf(), 'a.pdf'),
      async () => ({ assessmentId: 'nope', itemId: 'jssec-v2:25' }),
      'NOT_FOUND',
    ],
  ])('stores nothing for an upload %s', async (_case, file, details, code) => {
    await expect(uploadEvidence(setup.deps, { actor, file: file(), details })).rejects.toMatchObject({ code });
    expect(await setup.storedFiles()).toEqual([]);
    expect(await rowsOf(organisationId)).toEqual([]);
  });

  it('accepts UTF-8 text under a text name, typed by that name', async () => {
    const evidence = await uploadEvidence(setup.deps, {
      actor,
      file: incomingFile(Buffer.from(`host,port\nカメラ-1,23\n${Date.now()}\n`), 'ports.csv'),
      details: async () => ({}),
    });
    expect(evidence.mediaType).toBe('text/csv; charset=utf-8');
  });

  it('refuses a link to a catalog node that is not an item of the framework, or to a done assessment', async () => {
    const assessmentId = await seedAssessmentRow(database(), organisationId);
    for (const itemId of ['jssec-v2:25.1', 'nist-csf-2.0:PR.AA-01', 'jssec-v2:999']) {
      await expect(
        uploadEvidence(setup.deps, {
          actor,
          file: incomingFile(uniquePdf(), 'a.pdf'),
          details: async () => ({ assessmentId, itemId }),
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'itemId' }] });
    }
    await setAssessmentStatusRow(database(), assessmentId, 'done');
    await expect(
      uploadEvidence(setup.deps, {
        actor,
        file: incomingFile(uniquePdf(), 'a.pdf'),
        details: async () => ({ assessmentId, itemId: 'jssec-v2:25' }),
      }),
    ).rejects.toMatchObject({ code: 'ASSESSMENT_CLOSED' });
    expect(await setup.storedFiles()).toEqual([]);
  });

  it('reads the fields only after the whole file', async () => {
    const order: string[] = [];
    async function* bytes() {
      yield uniquePdf();
      order.push('file read');
    }
    await uploadEvidence(setup.deps, {
      actor,
      file: { content: Readable.from(bytes()), fileName: 'a.pdf', truncated: () => false },
      details: async () => {
        order.push('fields read');
        return {};
      },
    });
    expect(order).toEqual(['file read', 'fields read']);
  });

  it('removes the file again when the transaction fails after it was put in place', async () => {
    const store = setup.deps.evidenceStore;
    const failingAfterRename = {
      ...store,
      stage: async (...args: Parameters<typeof store.stage>) => {
        const staged = await store.stage(...args);
        return {
          ...staged,
          commit: async () => {
            await staged.commit();
            throw new Error('the disk failed after the rename');
          },
        };
      },
    };
    await expect(
      uploadEvidence(
        { ...setup.deps, evidenceStore: failingAfterRename },
        { actor, file: incomingFile(uniquePdf(), 'a.pdf'), details: async () => ({}) },
      ),
    ).rejects.toThrow('after the rename');
    expect(await setup.storedFiles()).toEqual([]);
    expect(await rowsOf(organisationId)).toEqual([]);
    expect(
      await database()
        .db.selectFrom('audit_event')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .execute(),
    ).toEqual([]);
  });
});
