import type { Kysely } from 'kysely';
import type { ProblemDetail } from '../../core/domain-error';
import type { DatabaseSchema } from '../../db/database';
import { findEndLabels } from '../../db/inventory/data-flow.repository';

/** A reference from a stakeholder or flow to a device or system, located by its field. */
export interface InventoryRef {
  readonly field: string;
  readonly kind: 'device' | 'system';
  readonly id: string;
}

/** A located problem for every reference that names no device or system of the organisation. */
export async function missingRefProblems(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  refs: readonly InventoryRef[],
): Promise<ProblemDetail[]> {
  if (refs.length === 0) return [];
  const labels = await findEndLabels(db, organisationId, {
    deviceIds: refs.filter((ref) => ref.kind === 'device').map((ref) => ref.id),
    systemIds: refs.filter((ref) => ref.kind === 'system').map((ref) => ref.id),
  });
  return refs
    .filter((ref) => !(ref.kind === 'device' ? labels.devices : labels.systems).has(ref.id))
    .map((ref) => ({ field: ref.field, reason: `no such ${ref.kind} in this organisation`, code: 'invalid_value' }));
}
