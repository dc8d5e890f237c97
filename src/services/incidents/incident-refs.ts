import type { Kysely } from 'kysely';
import type { ProblemDetail } from '../../core/domain-error';
import type { DatabaseSchema } from '../../db/database';
import { existingDeviceIds } from '../../db/inventory/device-system.repository';
import { findSystem } from '../../db/system.repository';

/** Problems with system and device ids that are not the organisation's, located by position. */
export async function missingIncidentRefProblems(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  refs: { systemIds?: readonly string[]; deviceIds?: readonly number[] },
): Promise<ProblemDetail[]> {
  const problems: ProblemDetail[] = [];
  for (const [index, systemId] of (refs.systemIds ?? []).entries())
    if (!(await findSystem(db, organisationId, systemId)))
      problems.push({ field: `systemIds[${index}]`, reason: `no system ${systemId}`, code: 'invalid_value' });
  const deviceIds = refs.deviceIds ?? [];
  const existing = await existingDeviceIds(db, organisationId, deviceIds);
  deviceIds.forEach((id, index) => {
    if (!existing.has(id))
      problems.push({ field: `deviceIds[${index}]`, reason: `no device ${id}`, code: 'invalid_value' });
  });
  return problems;
}
