import type { Actor } from '../../core/auth/actor';
import { parseTimeBound } from '../../core/audit/time-bound';
import { listAuditEvents, type AuditEventPage } from '../../db/audit.repository';
import type { Database } from '../../db/database';
import { requireOrganisation } from '../accounts/require-user';

/** One page of the actor's current organisation's audit trail, oldest first. */
export async function listOrganisationAudit(
  deps: { database: Database },
  input: {
    actor: Actor;
    user?: string;
    action?: string;
    from?: string;
    to?: string;
    afterSeq?: number;
    limit?: number;
  },
): Promise<AuditEventPage> {
  const { organisationId } = requireOrganisation(input.actor);
  return listAuditEvents(deps.database.db, {
    organisationId,
    ...(input.user ? { userId: input.user } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from ? { from: parseTimeBound(input.from, 'from', false) } : {}),
    ...(input.to ? { to: parseTimeBound(input.to, 'to', true) } : {}),
    ...(input.afterSeq !== undefined ? { afterSeq: input.afterSeq } : {}),
    limit: input.limit ?? 100,
  });
}
