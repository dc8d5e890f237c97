import type { Actor } from '../../../core/auth/actor';
import type {
  AdvisoryListItemView,
  AdvisoryListQuery,
  AdvisoryListView,
} from '../../../contracts/vulnerabilities/advisory.schema';
import {
  listAdvisoryAggregates,
  type AdvisoryAggregateRow,
  type AdvisoryKey,
} from '../../../db/vulnerabilities/advisory-view.repository';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from './list-matches';
import { decodeViewCursor, pageSize, toPage } from './view-cursor';

const ADVISORY_KEY = ['number', 'number', 'number', 'string', 'string'] as const;

function present(row: AdvisoryAggregateRow): AdvisoryListItemView {
  return {
    id: row.id,
    source: row.source as AdvisoryListItemView['source'],
    trackingId: row.trackingId,
    title: row.title,
    language: row.language === 'ja' ? 'ja' : 'en',
    cves: row.cves,
    severity: row.severityLevel ? { level: row.severityLevel as 'critical', score: row.score } : null,
    kev: row.kev,
    published: row.published,
    affectedDevices: row.affectedDevices,
    affectedModels: row.affectedModels,
    openDevices: row.openDevices,
  };
}

/**
 * Advisories of the organisation: those matching at least one of its devices (or, with `all`,
 * every advisory it sees), with affected and still-open device counts and affected model counts
 * computed by the database; filtered by words (tracking id, CVE, title), severity, KEV and
 * effective triage status (an advisory with a device in that status); most severe first, then
 * KEV, then most open devices. Keyset pages of at most 500.
 */
export async function listAdvisories(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly query: AdvisoryListQuery },
): Promise<AdvisoryListView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const { q, severity, kev, status, all, cursor, limit: asked } = input.query;
  const limit = pageSize(asked);
  const after = decodeViewCursor<AdvisoryKey>('advisories', ADVISORY_KEY, cursor);
  const rows = await listAdvisoryAggregates(deps.database.db, organisationId, {
    filter: { q, severity, kev, status, all },
    after,
    limit,
  });
  return toPage('advisories', rows, limit, present);
}
