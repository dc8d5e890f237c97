import { createHash, randomUUID } from 'node:crypto';
import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { unparsedTermsOf } from '../../../core/vulnerabilities/confirmation-overlay';
import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../../../db/database';
import {
  findAdvisoryByKey,
  insertAdvisory,
  nextAdvisoryRevision,
  replaceUnparsedTerms,
  updateAdvisory,
} from '../../../db/vulnerabilities/advisory.repository';

export type StoreOutcome = 'inserted' | 'updated' | 'unchanged';

/** What the store keeps of an advisory beyond the document: its highest score and level. */
function severityOf(advisory: NormalisedAdvisory): { level: string | null; score: number | null } {
  const best = [...advisory.scores].sort((a, b) => b.baseScore - a.baseScore)[0];
  return { level: best?.level ?? null, score: best?.baseScore ?? null };
}

/** The document as stored and its hash: the same content always hashes the same. */
export function advisoryContent(advisory: NormalisedAdvisory): { document: string; hash: string } {
  const document = JSON.stringify(advisory);
  return { document, hash: createHash('sha256').update(document).digest('hex') };
}

/**
 * Inserts or updates one advisory by (scope, source, tracking id) inside the caller's
 * transaction. Unchanged content is left alone (idempotent); a change takes a new revision from
 * the counter so the next match run reads it, and rebuilds its unparsed version texts.
 * `withdrawn` marks an advisory its feed has rejected (kept, never matched).
 */
export async function storeAdvisory(
  transaction: Transaction<DatabaseSchema>,
  input: {
    readonly advisory: NormalisedAdvisory;
    readonly scopeKey: string;
    readonly organisationId: string | null;
    readonly withdrawn: boolean;
    readonly at: string;
  },
): Promise<StoreOutcome> {
  const { advisory } = input;
  const { document, hash } = advisoryContent(advisory);
  const existing = await findAdvisoryByKey(transaction, {
    scopeKey: input.scopeKey,
    source: advisory.source,
    trackingId: advisory.trackingId,
  });
  const withdrawn = input.withdrawn ? 1 : 0;
  if (existing && existing.content_hash === hash && Number(existing.withdrawn) === withdrawn) return 'unchanged';
  const severity = severityOf(advisory);
  const revision = await nextAdvisoryRevision(transaction);
  const content = {
    title: advisory.title,
    language: advisory.language,
    summary: advisory.summary,
    cves: JSON.stringify(advisory.cves),
    published: advisory.published,
    last_modified: advisory.lastModified,
    severity_level: severity.level,
    cvss_score: severity.score,
    kev_date_added: advisory.kev?.dateAdded ?? null,
    withdrawn,
    document,
    content_hash: hash,
    revision,
    imported_at: input.at,
  };
  const id = existing?.id ?? randomUUID();
  if (existing) await updateAdvisory(transaction, id, content);
  else
    await insertAdvisory(transaction, {
      id,
      organisation_id: input.organisationId,
      scope_key: input.scopeKey,
      source: advisory.source,
      tracking_id: advisory.trackingId,
      ...content,
    });
  const terms = unparsedTermsOf(advisory).map((term) => ({
    id: randomUUID(),
    advisory_id: id,
    term_path: term.path,
    product: term.product,
    text: term.text,
  }));
  await replaceUnparsedTerms(transaction, id, terms);
  return existing ? 'updated' : 'inserted';
}
