import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { ProbeScopeCreateInput, ProbeScopeUpdateInput, ProbeScopeView } from '../../contracts/probes';
import {
  findProbeScope,
  findProbeScopeByName,
  insertProbeScope,
  updateProbeScope,
} from '../../db/probes/probe-scope.repository';
import type { RequestContext } from '../auth/account-deps';
import { recordAudit } from '../audit/record-audit';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';
import {
  presentScope,
  scopeColumns,
  scopeFieldsOf,
  scopeFieldsOfRow,
  validateScopeFields,
  type ScopeFields,
} from './probe-scope-row';

const nameTaken = (name: string) =>
  new DomainError('CONFLICT', 'A probe scope with this name already exists.', [
    { field: 'name', value: name, reason: 'already used in this organisation', code: 'duplicate' },
  ]);

/** What the audit trail keeps of a scope: everything but its id (no secrets live in a scope). */
const auditOf = (fields: ScopeFields) => ({ ...fields });

/**
 * Declares a scope (probes.manage). Targets are validated (VALIDATION_FAILED per entry), the name
 * is unique in the organisation (CONFLICT). Audited `probe_scope.create`, and also
 * `probe_scope.intrusive_enabled` when it allows credential attempts from the start.
 */
export async function createProbeScope(
  deps: ProbeDeps,
  input: { actor: Actor; scope: ProbeScopeCreateInput; context?: RequestContext },
): Promise<ProbeScopeView> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.manage');
  const fields = scopeFieldsOf(input.scope);
  const scope = validateScopeFields(fields);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    if (await findProbeScopeByName(transaction, organisationId, fields.name.trim())) throw nameTaken(fields.name);
    const row = {
      id: randomUUID(),
      organisation_id: organisationId,
      ...scopeColumns(fields, scope),
      archived: 0,
      version: 1,
      created_by: actor.userId || null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    };
    await insertProbeScope(transaction, row);
    const target = { organisationId, targetType: 'probe_scope', targetId: row.id };
    await recordAudit(transaction, actor, input.context, at, {
      ...target,
      action: 'probe_scope.create',
      after: auditOf(fields),
    });
    if (fields.allowCredentials)
      await recordAudit(transaction, actor, input.context, at, {
        ...target,
        action: 'probe_scope.intrusive_enabled',
        after: { name: row.name, allowCredentials: true },
      });
    return presentScope(row);
  });
}

/**
 * Changes a scope (probes.manage) when `version` is current (CONFLICT otherwise, also for an
 * archived scope). Audited `probe_scope.update` with before and after; turning intrusive checks
 * on is its own entry `probe_scope.intrusive_enabled`.
 */
export async function updateProbeScopeFields(
  deps: ProbeDeps,
  input: {
    actor: Actor;
    scopeId: string;
    changes: Omit<ProbeScopeUpdateInput, 'version'>;
    version: number;
    context?: RequestContext;
  },
): Promise<ProbeScopeView> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.manage');
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const current = await requireScopeRow(transaction, organisationId, input.scopeId);
    if (current.archived === 1)
      throw new DomainError('CONFLICT', 'The probe scope is archived.', [{ field: 'archived', reason: 'archived' }]);
    if (current.version !== input.version) staleScope(current.version);
    const before = scopeFieldsOfRow(current);
    const c = input.changes;
    const fields: ScopeFields = {
      name: c.name ?? before.name,
      targets: c.targets ?? before.targets,
      allowCredentials: c.allowCredentials ?? before.allowCredentials,
      rate: c.rate ?? before.rate,
      concurrency: c.concurrency ?? before.concurrency,
      vantage: c.vantage ?? before.vantage,
      expectedPorts: c.expectedPorts === undefined ? before.expectedPorts : c.expectedPorts,
      timeZone: c.timeZone ?? before.timeZone,
      timeWindows: c.timeWindows ?? before.timeWindows,
    };
    const scope = validateScopeFields(fields);
    if (fields.name.trim() !== current.name) {
      const other = await findProbeScopeByName(transaction, organisationId, fields.name.trim());
      if (other && other.id !== current.id) throw nameTaken(fields.name);
    }
    const row = {
      ...current,
      ...scopeColumns(fields, scope),
      version: current.version + 1,
      updated_at: at.toISOString(),
    };
    if (!(await updateProbeScope(transaction, row, input.version))) staleScope(current.version);
    const target = { organisationId, targetType: 'probe_scope', targetId: row.id };
    await recordAudit(transaction, actor, input.context, at, {
      ...target,
      action: 'probe_scope.update',
      before: auditOf(before),
      after: auditOf(fields),
    });
    if (fields.allowCredentials && !before.allowCredentials)
      await recordAudit(transaction, actor, input.context, at, {
        ...target,
        action: 'probe_scope.intrusive_enabled',
        after: { name: row.name, allowCredentials: true },
      });
    return presentScope(row);
  });
}

/** Archives a scope (probes.manage): no new runs; its runs and results stay. Audited `probe_scope.archive`. */
export async function archiveProbeScope(
  deps: ProbeDeps,
  input: { actor: Actor; scopeId: string; version: number; context?: RequestContext },
): Promise<ProbeScopeView> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.manage');
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const current = await requireScopeRow(transaction, organisationId, input.scopeId);
    if (current.version !== input.version) staleScope(current.version);
    if (current.archived === 1) return presentScope(current);
    const row = { ...current, archived: 1, version: current.version + 1, updated_at: at.toISOString() };
    if (!(await updateProbeScope(transaction, row, input.version))) staleScope(current.version);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'probe_scope.archive',
      targetType: 'probe_scope',
      targetId: row.id,
      before: { archived: false },
      after: { archived: true, name: row.name },
    });
    return presentScope(row);
  });
}

/** The scope row of the organisation, or NOT_FOUND (another organisation's too). */
export async function requireScopeRow(
  db: Parameters<typeof findProbeScope>[0],
  organisationId: string,
  scopeId: string,
) {
  const row = await findProbeScope(db, organisationId, scopeId);
  if (!row) throw new DomainError('NOT_FOUND', 'No such probe scope.', [{ field: 'scopeId', reason: 'unknown' }]);
  return row;
}

function staleScope(version: number): never {
  throw new DomainError('CONFLICT', 'The probe scope was changed meanwhile; reload it.', [
    { field: 'version', reason: `current version is ${version}`, code: 'invalid_value' },
  ]);
}
