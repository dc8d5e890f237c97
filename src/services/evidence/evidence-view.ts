import type { EvidenceSupport } from '../../core/evidence/evidence.types';
import type { Database } from '../../db/database';
import { listSupports, type EvidenceRecord } from '../../db/evidence.repository';

/** Evidence as callers see it: the record without its tenant, with the answers it supports. */
export type EvidenceView = Omit<EvidenceRecord, 'organisationId'> & { readonly supports: readonly EvidenceSupport[] };

/** Adds to each record the answers it supports (one query for all of them). */
export async function presentEvidence(
  db: Database['db'],
  organisationId: string,
  records: readonly EvidenceRecord[],
): Promise<EvidenceView[]> {
  const supports = await listSupports(
    db,
    organisationId,
    records.map((record) => record.id),
  );
  return records.map((record) => toEvidenceView(record, supports.get(record.id) ?? []));
}

/** One record and the answers it supports, as a view. */
export function toEvidenceView(record: EvidenceRecord, supports: readonly EvidenceSupport[]): EvidenceView {
  const { organisationId: _organisationId, ...view } = record;
  return { ...view, supports };
}
