import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../core/audit/audit-chain';
import type { Catalog } from '../../core/catalog/catalog.types';
import type { AuditEntryView, AuditTarget } from '../../contracts/audit.schema';
import { findAuditTargetNames, type AuditTargetNames } from '../../db/audit-target.repository';
import type { DatabaseSchema } from '../../db/database';

/** Where an entry points inside an assessment, from its target id or its recorded summary. */
interface Placement {
  readonly assessmentId: string | null;
  readonly itemId: string | null;
}

/**
 * Turns stored audit entries into what people read: the actor's name and the target named
 * (system name, assessment title and system, item No., finding issue, evidence title, person,
 * token) instead of ids. Names are today's; a target deleted since keeps only its id.
 */
export async function presentAuditEntries(
  db: Kysely<DatabaseSchema>,
  catalog: Catalog,
  organisationId: string,
  entries: readonly AuditEntry[],
): Promise<AuditEntryView[]> {
  const idsOf = (type: string) => entries.filter((entry) => entry.targetType === type).map((entry) => entry.targetId);
  const placements = new Map(entries.map((entry) => [entry.id, placementOf(entry)]));
  const names = await findAuditTargetNames(db, organisationId, {
    systemIds: idsOf('system'),
    assessmentIds: [...placements.values()].flatMap((placement) => placement.assessmentId ?? []),
    findingIds: idsOf('finding'),
    evidenceIds: idsOf('evidence'),
    userIds: [...idsOf('user'), ...entries.flatMap((entry) => entry.actorUserId ?? [])],
    tokenIds: idsOf('api_token'),
  });
  // A finding knows its assessment only once it is read: look those assessments up too.
  const missing = [...names.findings.values()]
    .map((finding) => finding.assessmentId)
    .filter((id) => !names.assessments.has(id));
  const assessments =
    missing.length === 0
      ? names.assessments
      : new Map([
          ...names.assessments,
          ...(
            await findAuditTargetNames(db, organisationId, {
              systemIds: [],
              assessmentIds: missing,
              findingIds: [],
              evidenceIds: [],
              userIds: [],
              tokenIds: [],
            })
          ).assessments,
        ]);
  const itemNumber = (itemId: string | null) => (itemId === null ? null : (catalog.nodes.get(itemId)?.code ?? itemId));
  return entries.map((entry) => {
    const finding = entry.targetType === 'finding' ? names.findings.get(entry.targetId) : undefined;
    const placement = finding
      ? { assessmentId: finding.assessmentId, itemId: finding.itemId }
      : (placements.get(entry.id) ?? { assessmentId: null, itemId: null });
    const assessment = placement.assessmentId === null ? undefined : assessments.get(placement.assessmentId);
    const target: AuditTarget = {
      type: entry.targetType,
      id: entry.targetId,
      name: nameOf(entry, names, finding?.issue),
      assessmentId: placement.assessmentId,
      assessmentTitle: assessment?.title ?? null,
      systemName: assessment?.systemName ?? null,
      itemNumber: itemNumber(placement.itemId),
    };
    return {
      seq: entry.seq,
      id: entry.id,
      occurredAt: entry.occurredAt,
      actorUserId: entry.actorUserId,
      actorLabel: entry.actorLabel,
      actorName: entry.actorUserId === null ? null : (names.users.get(entry.actorUserId) ?? null),
      action: entry.action,
      target,
      summary: entry.summary,
      requestId: entry.requestId,
      clientAddress: entry.clientAddress,
    };
  });
}

function nameOf(entry: AuditEntry, names: AuditTargetNames, findingIssue: string | undefined): string | null {
  switch (entry.targetType) {
    case 'system':
      return names.systems.get(entry.targetId) ?? recordedText(entry, 'name');
    case 'assessment':
      return names.assessments.get(entry.targetId)?.title ?? recordedText(entry, 'title');
    case 'finding':
      return findingIssue ?? recordedText(entry, 'issue');
    case 'evidence':
      return names.evidence.get(entry.targetId) ?? recordedText(entry, 'title');
    case 'user':
      return names.users.get(entry.targetId) ?? recordedText(entry, 'email');
    case 'api_token':
      return names.tokens.get(entry.targetId) ?? recordedText(entry, 'name');
    case 'invitation':
      return recordedText(entry, 'email');
    default:
      return null;
  }
}

/** A text field the entry recorded about its target (after, else before), when there is one. */
function recordedText(entry: AuditEntry, field: string): string | null {
  for (const side of [entry.summary.after, entry.summary.before]) {
    if (side !== null && typeof side === 'object' && !Array.isArray(side)) {
      const value: unknown = (side as Record<string, unknown>)[field];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return null;
}

function placementOf(entry: AuditEntry): Placement {
  if (entry.targetType === 'assessment') return { assessmentId: entry.targetId, itemId: null };
  if (entry.targetType === 'answer') {
    // Answers are recorded as `<assessmentId>/<itemId>`.
    const slash = entry.targetId.indexOf('/');
    if (slash > 0) return { assessmentId: entry.targetId.slice(0, slash), itemId: entry.targetId.slice(slash + 1) };
  }
  // Evidence links and findings record where they belong.
  return { assessmentId: recordedText(entry, 'assessmentId'), itemId: recordedText(entry, 'itemId') };
}
