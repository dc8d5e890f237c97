import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isUserActor, type Actor } from '../../core/auth/actor';
import { appendAuditEvent } from '../../db/audit.repository';
import type { DatabaseSchema } from '../../db/database';
import type { RequestContext } from '../auth/account-deps';

export interface AuditFacts {
  readonly organisationId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends one audit entry for `actor` inside the caller's transaction (same commit as the change). */
export async function recordAudit(
  transaction: Transaction<DatabaseSchema>,
  actor: Actor,
  context: RequestContext | undefined,
  at: Date,
  facts: AuditFacts,
): Promise<void> {
  await appendAuditEvent(transaction, {
    id: randomUUID(),
    occurredAt: at.toISOString(),
    organisationId: facts.organisationId,
    actorUserId: isUserActor(actor) && actor.userId !== '' ? actor.userId : null,
    actorLabel: isUserActor(actor) ? (actor.via === 'cli' ? `cli:${actor.email}` : actor.email) : 'anonymous',
    action: facts.action,
    targetType: facts.targetType,
    targetId: facts.targetId,
    summary: {
      ...(facts.before !== undefined ? { before: facts.before } : {}),
      ...(facts.after !== undefined ? { after: facts.after } : {}),
    },
    requestId: context?.requestId ?? null,
    clientAddress: context?.clientAddress ?? null,
  });
}
