import { sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor';
import type {
  AdvisoryListItemView,
  AdvisoryListQuery,
  AdvisoryListView,
} from '../../../contracts/vulnerabilities/advisory.schema';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from './list-matches';
import { loadTriagedMatches, page } from './triaged-matches';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'none', 'unknown'];

interface AdvisoryFacts {
  id: string;
  source: string;
  tracking_id: string;
  title: string;
  language: string;
  cves: string;
  severity_level: string | null;
  cvss_score: number | null;
  kev_date_added: string | null;
  published: string | null;
}

const ALL_LIMIT = 5000;

/**
 * Advisories of the organisation: those matching at least one of its devices (or, with `all`,
 * up to 5000 of every advisory it sees), with affected and still-open device and model counts;
 * filtered by words (tracking id, CVE, title), severity, KEV and triage status (an advisory with a
 * device in that status); most severe first.
 */
export async function listAdvisories(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly query: AdvisoryListQuery },
): Promise<AdvisoryListView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const { query } = input;
  const matches = await loadTriagedMatches(deps.database, organisationId);
  const byAdvisory = new Map<
    string,
    { devices: Set<string>; models: Set<string>; open: Set<string>; statuses: Set<string> }
  >();
  for (const match of matches) {
    const entry = byAdvisory.get(match.advisoryId) ?? {
      devices: new Set<string>(),
      models: new Set<string>(),
      open: new Set<string>(),
      statuses: new Set<string>(),
    };
    entry.devices.add(match.deviceId);
    entry.models.add(`${match.manufacturer}\u0000${match.model}`);
    if (match.open) entry.open.add(match.deviceId);
    entry.statuses.add(match.status);
    byAdvisory.set(match.advisoryId, entry);
  }
  let facts = deps.database.db
    .selectFrom('advisory')
    .select([
      'id',
      'source',
      'tracking_id',
      'title',
      'language',
      'cves',
      'severity_level',
      'cvss_score',
      'kev_date_added',
      'published',
    ])
    .where('scope_key', 'in', ['*', organisationId])
    .where(sql<boolean>`not withdrawn`);
  if (query.all !== true) facts = facts.where('id', 'in', byAdvisory.size > 0 ? [...byAdvisory.keys()] : ['']);
  if (query.q) {
    const words = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    facts = facts.where((eb) =>
      eb.or([
        eb(sql`lower(tracking_id)`, 'like', sql`${words} escape '\\'`),
        eb(sql`lower(title)`, 'like', sql`${words} escape '\\'`),
        eb(sql`lower(cves)`, 'like', sql`${words} escape '\\'`),
      ]),
    );
  }
  if (query.severity === 'unknown') facts = facts.where('severity_level', 'is', null);
  else if (query.severity !== undefined) facts = facts.where('severity_level', '=', query.severity);
  if (query.kev !== undefined) facts = facts.where('kev_date_added', query.kev ? 'is not' : 'is', null);
  const rows = (await facts.limit(query.all === true ? ALL_LIMIT : 100_000).execute()) as AdvisoryFacts[];
  const items: AdvisoryListItemView[] = rows
    .filter((row) => query.status === undefined || byAdvisory.get(row.id)?.statuses.has(query.status) === true)
    .map((row) => {
      const entry = byAdvisory.get(row.id);
      return {
        id: row.id,
        source: row.source as AdvisoryListItemView['source'],
        trackingId: row.tracking_id,
        title: row.title,
        language: row.language === 'ja' ? ('ja' as const) : ('en' as const),
        cves: JSON.parse(row.cves) as string[],
        severity: row.severity_level
          ? { level: row.severity_level as 'critical', score: row.cvss_score === null ? null : Number(row.cvss_score) }
          : null,
        kev: row.kev_date_added !== null,
        published: row.published,
        affectedDevices: entry?.devices.size ?? 0,
        affectedModels: entry?.models.size ?? 0,
        openDevices: entry?.open.size ?? 0,
      };
    })
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity?.level ?? 'unknown') -
          SEVERITY_ORDER.indexOf(b.severity?.level ?? 'unknown') ||
        Number(b.kev) - Number(a.kev) ||
        b.openDevices - a.openDevices ||
        a.trackingId.localeCompare(b.trackingId),
    );
  return page(items, query.cursor, query.limit);
}
