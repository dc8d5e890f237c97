import type { Actor } from '../../core/auth/actor';
import type { AuditFilters } from '../../contracts/audit.schema';
import { listAuditFacets } from '../../db/audit.repository';
import { findAuditTargetNames } from '../../db/audit-target.repository';
import type { Database } from '../../db/database';
import { requireOrganisation } from '../accounts/require-user';

/**
 * The choices of the audit page's filters: everyone who acted in the current organisation's trail
 * (by today's display name, else the label recorded then) and every action that occurs in it.
 */
export async function listAuditFilters(deps: { database: Database }, input: { actor: Actor }): Promise<AuditFilters> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const facets = await listAuditFacets(db, organisationId);
  const { users } = await findAuditTargetNames(db, organisationId, {
    systemIds: [],
    assessmentIds: [],
    findingIds: [],
    evidenceIds: [],
    userIds: facets.actors.map((actor) => actor.userId),
    tokenIds: [],
  });
  const people = facets.actors
    .map((actor) => ({ userId: actor.userId, name: users.get(actor.userId) ?? actor.label }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  return { people, actions: facets.actions };
}
