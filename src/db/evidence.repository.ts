import type { Kysely, Selectable } from 'kysely';
import type { EvidenceKind, EvidenceSupport } from '../core/evidence/evidence.types';
import type { EvidenceTable } from './assessments.table';
import type { DatabaseSchema } from './database';

type Db = Kysely<DatabaseSchema>;

/** A stored piece of evidence. File fields are null for links and texts; url/body for files. */
export interface EvidenceRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly evidenceDate: string | null;
  readonly validUntil: string | null;
  readonly sha256: string | null;
  readonly mediaType: string | null;
  readonly sizeBytes: number | null;
  readonly originalName: string | null;
  readonly url: string | null;
  readonly body: string | null;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

/** A link from an answer (assessment + item) to evidence of the same organisation. */
export interface EvidenceLink extends EvidenceSupport {
  readonly organisationId: string;
  readonly evidenceId: string;
  readonly linkedAt: string;
  readonly linkedBy: string | null;
}

const toEvidence = (row: Selectable<EvidenceTable>): EvidenceRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  kind: row.kind as EvidenceKind,
  title: row.title,
  evidenceDate: row.evidence_date,
  validUntil: row.valid_until,
  sha256: row.sha256,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
  originalName: row.original_name,
  url: row.url,
  body: row.body,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/** Stores a new evidence row (the file, if any, is put in place by the store). */
export async function insertEvidence(db: Db, evidence: EvidenceRecord): Promise<void> {
  await db
    .insertInto('evidence')
    .values({
      id: evidence.id,
      organisation_id: evidence.organisationId,
      kind: evidence.kind,
      title: evidence.title,
      evidence_date: evidence.evidenceDate,
      valid_until: evidence.validUntil,
      sha256: evidence.sha256,
      media_type: evidence.mediaType,
      size_bytes: evidence.sizeBytes,
      original_name: evidence.originalName,
      url: evidence.url,
      body: evidence.body,
      created_at: evidence.createdAt,
      created_by: evidence.createdBy,
    })
    .execute();
}

/** One evidence of the organisation; another organisation's id is simply not found. */
export async function findEvidence(
  db: Db,
  organisationId: string,
  evidenceId: string,
): Promise<EvidenceRecord | undefined> {
  const row = await db
    .selectFrom('evidence')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return row ? toEvidence(row) : undefined;
}

/** Narrows a listing to evidence supporting an assessment, an item, or both. */
export interface EvidenceFilter {
  readonly assessmentId?: string;
  readonly itemId?: string;
}

/** The organisation's evidence, newest first; with a filter, only evidence linked accordingly. */
export async function listEvidenceRecords(
  db: Db,
  organisationId: string,
  filter: EvidenceFilter = {},
): Promise<EvidenceRecord[]> {
  const { assessmentId, itemId } = filter;
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .$if(assessmentId !== undefined || itemId !== undefined, (query) =>
      query.where('id', 'in', (eb) =>
        eb
          .selectFrom('answer_evidence')
          .select('answer_evidence.evidence_id')
          .where('answer_evidence.organisation_id', '=', organisationId)
          .$if(assessmentId !== undefined, (links) =>
            links.where('answer_evidence.assessment_id', '=', assessmentId ?? ''),
          )
          .$if(itemId !== undefined, (links) => links.where('answer_evidence.item_id', '=', itemId ?? '')),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toEvidence);
}

/** The answers each evidence supports, by evidence id (ids without links are absent). */
export async function listSupports(
  db: Db,
  organisationId: string,
  evidenceIds: readonly string[],
): Promise<Map<string, EvidenceSupport[]>> {
  const supports = new Map<string, EvidenceSupport[]>();
  if (evidenceIds.length === 0) return supports;
  const rows = await db
    .selectFrom('answer_evidence')
    .select(['evidence_id', 'assessment_id', 'item_id'])
    .where('organisation_id', '=', organisationId)
    .where('evidence_id', 'in', [...evidenceIds])
    .orderBy('linked_at')
    .orderBy('assessment_id')
    .orderBy('item_id')
    .execute();
  for (const row of rows)
    supports.set(row.evidence_id, [
      ...(supports.get(row.evidence_id) ?? []),
      { assessmentId: row.assessment_id, itemId: row.item_id },
    ]);
  return supports;
}

/** The supported answers of one evidence whose review is `accepted` (deleting it needs confirmation). */
export async function listAcceptedSupports(
  db: Db,
  organisationId: string,
  evidenceId: string,
): Promise<EvidenceSupport[]> {
  const rows = await db
    .selectFrom('answer_evidence')
    .innerJoin('answer', (join) =>
      join
        .onRef('answer.assessment_id', '=', 'answer_evidence.assessment_id')
        .onRef('answer.item_id', '=', 'answer_evidence.item_id'),
    )
    .select(['answer_evidence.assessment_id', 'answer_evidence.item_id'])
    .where('answer_evidence.organisation_id', '=', organisationId)
    .where('answer.organisation_id', '=', organisationId)
    .where('answer_evidence.evidence_id', '=', evidenceId)
    .where('answer.review_state', '=', 'accepted')
    .orderBy('answer_evidence.assessment_id')
    .orderBy('answer_evidence.item_id')
    .execute();
  return rows.map((row) => ({ assessmentId: row.assessment_id, itemId: row.item_id }));
}

/** Deletes one evidence of the organisation (its links go with it); false when there was none. */
export async function deleteEvidenceRecord(db: Db, organisationId: string, evidenceId: string): Promise<boolean> {
  await db
    .deleteFrom('answer_evidence')
    .where('organisation_id', '=', organisationId)
    .where('evidence_id', '=', evidenceId)
    .execute();
  const result = await db
    .deleteFrom('evidence')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * How many evidence rows, in any organisation, refer to this content. Deliberately not scoped:
 * the file store is content-addressed across the installation, so a file may be removed only
 * when no row anywhere still needs it.
 */
export async function countEvidenceWithContent(db: Db, sha256: string): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Links evidence to an answer; false when that link already existed (linking is idempotent). */
export async function insertEvidenceLink(db: Db, link: EvidenceLink): Promise<boolean> {
  const result = await db
    .insertInto('answer_evidence')
    .values({
      assessment_id: link.assessmentId,
      item_id: link.itemId,
      evidence_id: link.evidenceId,
      organisation_id: link.organisationId,
      linked_at: link.linkedAt,
      linked_by: link.linkedBy,
    })
    .onConflict((conflict) => conflict.columns(['assessment_id', 'item_id', 'evidence_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Removes one link of the organisation; false when there was none. */
export async function deleteEvidenceLink(
  db: Db,
  organisationId: string,
  support: EvidenceSupport & { evidenceId: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('answer_evidence')
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', support.assessmentId)
    .where('item_id', '=', support.itemId)
    .where('evidence_id', '=', support.evidenceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Evidence linked to these assessments and to no other assessment: what deleting them would
 * leave orphaned. Evidence never linked to anything (kept in the library) is not included.
 */
export async function listEvidenceOnlyLinkedTo(
  db: Db,
  organisationId: string,
  assessmentIds: readonly string[],
): Promise<{ id: string; sha256: string | null }[]> {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom('evidence')
    .select(['evidence.id', 'evidence.sha256'])
    .where('evidence.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('answer_evidence as mine')
          .select('mine.evidence_id')
          .whereRef('mine.evidence_id', '=', 'evidence.id')
          .where('mine.assessment_id', 'in', assessmentIds),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('answer_evidence as other')
            .select('other.evidence_id')
            .whereRef('other.evidence_id', '=', 'evidence.id')
            .where('other.assessment_id', 'not in', assessmentIds),
        ),
      ),
    )
    .execute();
}

/** Deletes evidence rows of the organisation by id (their links go by cascade). */
export async function deleteEvidenceRows(
  db: Db,
  organisationId: string,
  evidenceIds: readonly string[],
): Promise<void> {
  if (evidenceIds.length === 0) return;
  await db
    .deleteFrom('evidence')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', evidenceIds)
    .execute();
}
