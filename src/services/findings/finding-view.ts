import type { FindingRecord } from '../../db/finding.repository';

/** A finding as callers see it: the record without its tenant. */
export type FindingView = Omit<FindingRecord, 'organisationId'>;

/** Drops the tenant from a record. */
export function toFindingView(record: FindingRecord): FindingView {
  const { organisationId: _organisationId, ...view } = record;
  return view;
}
