import type { Actor } from '../../core/auth/actor';
import type { ProbeScopeView } from '../../contracts/probes';
import { latestRunsOfScopes } from '../../db/probes/probe-run.repository';
import { findProbeScopeByName, listProbeScopes } from '../../db/probes/probe-scope.repository';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';
import { presentScope } from './probe-scope-row';
import { requireScopeRow } from './save-probe-scope';

/** The organisation's scopes by name with their latest run (probes.read); archived ones on request. */
export async function listScopes(
  deps: Pick<ProbeDeps, 'database'>,
  input: { actor: Actor; archived?: boolean },
): Promise<{ scopes: ProbeScopeView[] }> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  const db = deps.database.db;
  const [rows, latest] = await Promise.all([
    listProbeScopes(db, organisationId, input.archived === true),
    latestRunsOfScopes(db, organisationId),
  ]);
  return { scopes: rows.map((row) => presentScope(row, latest.get(row.id))) };
}

/** One scope (probes.read) by id, or by its name when `byName` (the CLI's --scope). NOT_FOUND otherwise. */
export async function getScope(
  deps: Pick<ProbeDeps, 'database'>,
  input: { actor: Actor; scopeId: string; byName?: boolean },
): Promise<ProbeScopeView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  const db = deps.database.db;
  const row = input.byName
    ? ((await findProbeScopeByName(db, organisationId, input.scopeId)) ??
      (await requireScopeRow(db, organisationId, input.scopeId)))
    : await requireScopeRow(db, organisationId, input.scopeId);
  return presentScope(row, (await latestRunsOfScopes(db, organisationId)).get(row.id));
}
