import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { ProbeCredentialListCreateInput, ProbeCredentialListView } from '../../contracts/probes';
import { validateCredentialList, type Credential } from '../../core/probes/credential-attempts';
import {
  deleteProbeCredentialList,
  insertProbeCredentialList,
  listProbeCredentialLists,
} from '../../db/probes/probe-scope.repository';
import type { ProbeCredentialListTable } from '../../db/probes/probe.table';
import type { RequestContext } from '../auth/account-deps';
import { recordAudit } from '../audit/record-audit';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';

const present = (row: ProbeCredentialListTable): ProbeCredentialListView => {
  const usernames = JSON.parse(row.usernames) as string[];
  return {
    id: row.id,
    name: row.name,
    count: usernames.length,
    usernames,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
};

/**
 * Stores an admin's credential pairs (probes.manage) sealed with the installation key: they must be
 * usable to log in, so they are encrypted, not hashed, and no route ever returns them. Audited
 * `probe_credentials.create` with the user names only.
 */
export async function createCredentialList(
  deps: ProbeDeps,
  input: { actor: Actor; list: ProbeCredentialListCreateInput; context?: RequestContext },
): Promise<ProbeCredentialListView> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.manage');
  const name = input.list.name.trim();
  if (name === '')
    throw new DomainError('VALIDATION_FAILED', 'The list needs a name.', [
      { field: 'name', reason: 'blank', code: 'blank' },
    ]);
  const credentials = validateCredentialList(
    input.list.credentials.map((pair) => ({ user: pair.username, password: pair.password })),
  );
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const existing = await listProbeCredentialLists(transaction, organisationId);
    if (existing.some((row) => row.name === name))
      throw new DomainError('CONFLICT', 'A credential list with this name already exists.', [
        { field: 'name', value: name, reason: 'already used', code: 'duplicate' },
      ]);
    const row: ProbeCredentialListTable = {
      id: randomUUID(),
      organisation_id: organisationId,
      name,
      usernames: JSON.stringify(credentials.map((pair) => pair.user)),
      sealed_credentials: deps.secretBox.seal(JSON.stringify(credentials)),
      created_by: actor.userId || null,
      created_at: at.toISOString(),
    };
    await insertProbeCredentialList(transaction, row);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'probe_credentials.create',
      targetType: 'probe_credential_list',
      targetId: row.id,
      after: { name, usernames: credentials.map((pair) => pair.user) },
    });
    return present(row);
  });
}

/** The organisation's credential lists (probes.manage): names and user names, never a password. */
export async function listCredentialLists(
  deps: Pick<ProbeDeps, 'database'>,
  input: { actor: Actor },
): Promise<{ lists: ProbeCredentialListView[] }> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.manage');
  return { lists: (await listProbeCredentialLists(deps.database.db, organisationId)).map(present) };
}

/** Deletes a list (probes.manage), audited `probe_credentials.delete`; NOT_FOUND when there is none. */
export async function deleteCredentialList(
  deps: ProbeDeps,
  input: { actor: Actor; listId: string; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.manage');
  const at = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const row = await deleteProbeCredentialList(transaction, organisationId, input.listId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such credential list.', [{ field: 'id', reason: 'unknown' }]);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'probe_credentials.delete',
      targetType: 'probe_credential_list',
      targetId: row.id,
      before: { name: row.name },
    });
  });
}

/** Every admin-added pair of the organisation, unsealed for one run (kept in memory only). */
export async function loadCredentials(deps: ProbeDeps, organisationId: string): Promise<Credential[]> {
  const rows = await listProbeCredentialLists(deps.database.db, organisationId);
  return rows.flatMap((row) => JSON.parse(deps.secretBox.open(row.sealed_credentials)) as Credential[]);
}
