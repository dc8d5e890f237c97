import type { Actor } from '../../core/auth/actor';
import { parseTimeBound } from '../../core/audit/time-bound';
import type { Catalog } from '../../core/catalog/catalog.types';
import type { AuditPage } from '../../contracts/audit.schema';
import { listAuditEvents } from '../../db/audit.repository';
import type { Database } from '../../db/database';
import { requireOrganisation } from '../accounts/require-user';
import { presentAuditEntries } from './present-audit-entries';

/**
 * One page of the actor's current organisation's audit trail, oldest first (as exports read it) or
 * newest first (as people read it), each entry with its actor and target named.
 */
export async function listOrganisationAudit(
  deps: { database: Database; catalog: Catalog },
  input: {
    actor: Actor;
    user?: string;
    action?: string;
    from?: string;
    to?: string;
    order?: 'oldest' | 'newest';
    afterSeq?: number;
    beforeSeq?: number;
    limit?: number;
  },
): Promise<AuditPage> {
  const { organisationId } = requireOrganisation(input.actor);
  const page = await listAuditEvents(deps.database.db, {
    organisationId,
    ...(input.user ? { userId: input.user } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from ? { from: parseTimeBound(input.from, 'from', false) } : {}),
    ...(input.to ? { to: parseTimeBound(input.to, 'to', true) } : {}),
    ...(input.order === 'newest'
      ? { newestFirst: true, ...(input.beforeSeq !== undefined ? { beforeSeq: input.beforeSeq } : {}) }
      : input.afterSeq !== undefined
        ? { afterSeq: input.afterSeq }
        : {}),
    limit: input.limit ?? 100,
  });
  return {
    entries: await presentAuditEntries(deps.database.db, deps.catalog, organisationId, page.entries),
    nextSeq: page.nextSeq,
  };
}
