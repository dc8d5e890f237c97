import { randomUUID } from 'node:crypto';
import type { PlaybookView } from '../../contracts/incidents/playbook.schema';
import type { Actor } from '../../core/auth/actor';
import type { Playbook } from '../../core/incidents/playbook.types';
import type { Database } from '../../db/database';
import {
  deletePlaybookRow,
  findPlaybook,
  insertPlaybook,
  listPlaybooks as listPlaybookRows,
  updatePlaybookRow,
} from '../../db/incidents/playbook.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { incidentConflict, incidentNotFound, throwIfInvalid } from './incident-errors';
import { playbookFields, playbookProblems, type PlaybookInput } from './playbook-input';
import { presentPlaybook } from './present-playbook';

// Playbooks per system (items 38, 49–52, 60): create, read, replace, delete — each audited.

const stale = (playbook: Playbook) =>
  incidentConflict(
    'Someone else changed this playbook first; here is what is stored now.',
    { field: 'expectedVersion', reason: `stored version is ${playbook.version}` },
    playbook,
  );

/** Adds a playbook (version 1) to a system of the organisation. */
export async function createPlaybook(
  deps: IncidentDeps,
  input: { actor: Actor; playbook: PlaybookInput; context?: RequestContext },
): Promise<PlaybookView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const fields = playbookFields(input.playbook);
    throwIfInvalid('playbook', await playbookProblems(transaction, organisationId, fields));
    const playbook: Playbook = {
      ...fields,
      id: randomUUID(),
      version: 1,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await insertPlaybook(transaction, organisationId, playbook);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'playbook.create',
      targetType: 'playbook',
      targetId: playbook.id,
      after: { systemId: playbook.systemId, title: playbook.title, steps: playbook.steps.length },
    });
    return presentPlaybook(transaction, organisationId, playbook);
  });
}

/** The organisation's playbooks (of one system), by title. */
export async function listPlaybooks(
  deps: { readonly database: Database },
  input: { actor: Actor; systemId?: string },
): Promise<PlaybookView[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const playbooks = await listPlaybookRows(db, organisationId, input.systemId);
  return Promise.all(playbooks.map((playbook) => presentPlaybook(db, organisationId, playbook)));
}

/** One playbook of the organisation, or NOT_FOUND. */
export async function getPlaybook(
  deps: { readonly database: Database },
  input: { actor: Actor; playbookId: string },
): Promise<PlaybookView> {
  const { organisationId } = requireOrganisation(input.actor);
  const playbook = await findPlaybook(deps.database.db, organisationId, input.playbookId);
  if (!playbook) throw incidentNotFound('playbook');
  return presentPlaybook(deps.database.db, organisationId, playbook);
}

/** Replaces a playbook as a whole (optimistic: a stale version gets CONFLICT with the stored one). */
export async function replacePlaybook(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    playbookId: string;
    playbook: PlaybookInput;
    expectedVersion: number;
    context?: RequestContext;
  },
): Promise<PlaybookView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findPlaybook(transaction, organisationId, input.playbookId);
    if (!before) throw incidentNotFound('playbook');
    if (before.version !== input.expectedVersion) throw stale(before);
    const fields = playbookFields(input.playbook);
    throwIfInvalid('playbook', await playbookProblems(transaction, organisationId, fields));
    const after: Playbook = { ...before, ...fields, version: before.version + 1, updatedAt: at.toISOString() };
    if (!(await updatePlaybookRow(transaction, organisationId, after, before.version))) throw stale(before);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'playbook.update',
      targetType: 'playbook',
      targetId: after.id,
      before: { title: before.title, steps: before.steps.length, version: before.version },
      after: { title: after.title, steps: after.steps.length, version: after.version },
    });
    return presentPlaybook(transaction, organisationId, after);
  });
}

/** Deletes a playbook at `version`; drills started from it keep their copied steps. */
export async function deletePlaybook(
  deps: IncidentDeps,
  input: { actor: Actor; playbookId: string; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findPlaybook(transaction, organisationId, input.playbookId);
    if (!before) throw incidentNotFound('playbook');
    if (
      before.version !== input.version ||
      !(await deletePlaybookRow(transaction, organisationId, before.id, input.version))
    )
      throw stale(before);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'playbook.delete',
      targetType: 'playbook',
      targetId: before.id,
      before: { systemId: before.systemId, title: before.title },
    });
  });
}
