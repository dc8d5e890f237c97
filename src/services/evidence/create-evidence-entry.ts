import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { checkDays } from '../../core/evidence/evidence-dates';
import { insertEvidence, type EvidenceRecord } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from './evidence-deps';
import { toEvidenceView, type EvidenceView } from './evidence-view';

/** A link to where evidence lives (with an optional note in `body`), or a short text. */
export interface EvidenceEntryInput {
  readonly kind: 'link' | 'text';
  readonly title: string;
  readonly url?: string;
  readonly body?: string;
  readonly evidenceDate?: string;
  readonly validUntil?: string;
}

/**
 * Records link or text evidence. A link needs an http(s) URL; a text needs a body and has no URL.
 * Audited in the same transaction.
 */
export async function createEvidenceEntry(
  deps: Pick<EvidenceDeps, 'database' | 'clock'>,
  input: { actor: Actor; entry: EvidenceEntryInput; context?: RequestContext },
): Promise<EvidenceView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const { entry } = input;
  const title = entry.title.trim();
  if (title === '')
    throw new DomainError('VALIDATION_FAILED', 'Give the evidence a title.', [{ field: 'title', reason: 'is empty' }]);
  checkDays({ evidenceDate: entry.evidenceDate, validUntil: entry.validUntil });
  const body = entry.body?.trim() ? entry.body : null;
  let url: string | null = null;
  if (entry.kind === 'link') {
    url = requireWebUrl(entry.url);
  } else {
    if (entry.url !== undefined)
      throw new DomainError('VALIDATION_FAILED', 'Text evidence has no URL; record a link instead.', [
        { field: 'url', reason: 'only for kind link' },
      ]);
    if (body === null)
      throw new DomainError('VALIDATION_FAILED', 'Text evidence needs a body.', [
        { field: 'body', reason: 'is required for kind text' },
      ]);
  }
  const now = deps.clock();
  const record: EvidenceRecord = {
    id: randomUUID(),
    organisationId,
    kind: entry.kind,
    title,
    evidenceDate: entry.evidenceDate ?? null,
    validUntil: entry.validUntil ?? null,
    sha256: null,
    mediaType: null,
    sizeBytes: null,
    originalName: null,
    url,
    body,
    createdAt: now.toISOString(),
    createdBy: actor.userId || null,
  };
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertEvidence(transaction, record);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'evidence.create',
      targetType: 'evidence',
      targetId: record.id,
      after: { kind: entry.kind, title, url },
    });
  });
  return toEvidenceView(record, []);
}

function requireWebUrl(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '')
    throw new DomainError('VALIDATION_FAILED', 'A link needs a URL.', [
      { field: 'url', reason: 'is required for kind link' },
    ]);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The URL is not valid.', [{ field: 'url', reason: 'is not a URL' }]);
  }
  // Only web links: javascript:, data: or file: links would run or reveal things when clicked.
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DomainError('VALIDATION_FAILED', 'Links must be http:// or https:// URLs.', [
      { field: 'url', reason: 'must be http(s)' },
    ]);
  return url.href;
}
