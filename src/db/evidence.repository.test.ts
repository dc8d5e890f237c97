import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { seedOrganisation } from '../testing/test-accounts';
import { seedAnswerRow, seedAssessmentRow } from '../testing/test-assessment-rows';
import { describeEachDialect } from '../testing/test-database';
import {
  countEvidenceWithContent,
  deleteEvidenceLink,
  deleteEvidenceRecord,
  findEvidence,
  insertEvidence,
  insertEvidenceLink,
  listAcceptedSupports,
  listEvidenceRecords,
  listSupports,
  type EvidenceRecord,
} from './evidence.repository';

function fileEvidence(organisationId: string, overrides: Partial<EvidenceRecord> = {}): EvidenceRecord {
  return {
    id: randomUUID(),
    organisationId,
    kind: 'file',
    title: 'Port scan',
    evidenceDate: '2026-11-01',
    validUntil: null,
    sha256: 'c'.repeat(64),
    mediaType: 'application/pdf',
    sizeBytes: 1234,
    originalName: 'scan.pdf',
    url: null,
    body: null,
    createdAt: '2026-11-22T09:00:00.000Z',
    createdBy: null,
    ...overrides,
  };
}

describeEachDialect('evidence repository', (database) => {
  it('stores evidence and finds it only within its organisation', async () => {
    const alpha = await seedOrganisation(database(), 'Alpha');
    const beta = await seedOrganisation(database(), 'Beta');
    const evidence = fileEvidence(alpha);
    await insertEvidence(database().db, evidence);
    expect(await findEvidence(database().db, alpha, evidence.id)).toEqual(evidence);
    expect(await findEvidence(database().db, beta, evidence.id)).toBeUndefined();
  });

  it('lists newest first, filtered by the answers evidence supports', async () => {
    const organisation = await seedOrganisation(database(), 'Lister');
    const assessmentId = await seedAssessmentRow(database(), organisation);
    const older = fileEvidence(organisation, { createdAt: '2026-11-20T00:00:00.000Z' });
    const newer = fileEvidence(organisation, {
      kind: 'link',
      sha256: null,
      url: 'https://wiki.example.jp/x',
      createdAt: '2026-11-21T00:00:00.000Z',
    });
    await insertEvidence(database().db, older);
    await insertEvidence(database().db, newer);
    const link = {
      organisationId: organisation,
      assessmentId,
      evidenceId: older.id,
      linkedAt: '2026-11-22T00:00:00.000Z',
      linkedBy: null,
    };
    expect(await insertEvidenceLink(database().db, { ...link, itemId: 'jssec-v2:25' })).toBe(true);
    expect(await insertEvidenceLink(database().db, { ...link, itemId: 'jssec-v2:25' })).toBe(false);
    await insertEvidenceLink(database().db, { ...link, itemId: 'jssec-v2:26' });

    expect((await listEvidenceRecords(database().db, organisation)).map((record) => record.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect(
      (await listEvidenceRecords(database().db, organisation, { assessmentId, itemId: 'jssec-v2:26' })).map(
        (record) => record.id,
      ),
    ).toEqual([older.id]);
    expect(await listEvidenceRecords(database().db, organisation, { itemId: 'jssec-v2:27' })).toEqual([]);
    const supports = await listSupports(database().db, organisation, [older.id, newer.id]);
    expect(supports.get(older.id)).toEqual([
      { assessmentId, itemId: 'jssec-v2:25' },
      { assessmentId, itemId: 'jssec-v2:26' },
    ]);
    expect(supports.has(newer.id)).toBe(false);

    expect(
      await deleteEvidenceLink(database().db, organisation, {
        assessmentId,
        itemId: 'jssec-v2:26',
        evidenceId: older.id,
      }),
    ).toBe(true);
    expect(
      await deleteEvidenceLink(database().db, organisation, {
        assessmentId,
        itemId: 'jssec-v2:26',
        evidenceId: older.id,
      }),
    ).toBe(false);
  });

  it('names the accepted answers evidence supports', async () => {
    const organisation = await seedOrganisation(database(), 'Reviewer');
    const assessmentId = await seedAssessmentRow(database(), organisation);
    const evidence = fileEvidence(organisation);
    await insertEvidence(database().db, evidence);
    await seedAnswerRow(database(), organisation, assessmentId, 'jssec-v2:30', 'accepted');
    await seedAnswerRow(database(), organisation, assessmentId, 'jssec-v2:31', 'open');
    for (const itemId of ['jssec-v2:30', 'jssec-v2:31', 'jssec-v2:32']) {
      await insertEvidenceLink(database().db, {
        organisationId: organisation,
        assessmentId,
        itemId,
        evidenceId: evidence.id,
        linkedAt: '2026-11-22T00:00:00.000Z',
        linkedBy: null,
      });
    }
    expect(await listAcceptedSupports(database().db, organisation, evidence.id)).toEqual([
      { assessmentId, itemId: 'jssec-v2:30' },
    ]);
  });

  it('deletes evidence with its links and counts content across organisations', async () => {
    const alpha = await seedOrganisation(database(), 'Counter');
    const beta = await seedOrganisation(database(), 'Counter2');
    const assessmentId = await seedAssessmentRow(database(), alpha);
    const sha256 = 'd'.repeat(64);
    const mine = fileEvidence(alpha, { sha256 });
    const theirs = fileEvidence(beta, { sha256 });
    await insertEvidence(database().db, mine);
    await insertEvidence(database().db, theirs);
    await insertEvidenceLink(database().db, {
      organisationId: alpha,
      assessmentId,
      itemId: 'jssec-v2:25',
      evidenceId: mine.id,
      linkedAt: '2026-11-22T00:00:00.000Z',
      linkedBy: null,
    });
    expect(await countEvidenceWithContent(database().db, sha256)).toBe(2);

    expect(await deleteEvidenceRecord(database().db, beta, mine.id)).toBe(false);
    expect(await deleteEvidenceRecord(database().db, alpha, mine.id)).toBe(true);
    expect(await countEvidenceWithContent(database().db, sha256)).toBe(1);
    expect((await listSupports(database().db, alpha, [mine.id])).size).toBe(0);
  });
});
