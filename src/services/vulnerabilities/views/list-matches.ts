import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import type { MatchListQuery, MatchListView, MatchRowView } from '../../../contracts/vulnerabilities/match.schema';
import { findDeviceRow } from '../../../db/inventory/device.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { justificationOf, loadTriagedMatches, page, type TriagedMatch } from './triaged-matches';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'none', 'unknown'];
const severityRank = (match: TriagedMatch) => SEVERITY_ORDER.indexOf(match.severityLevel ?? 'unknown');

/** Reads need vulnerabilities.read in the actor's organisation. */
export function requireVulnerabilityReader(actor: Actor): { organisationId: string } {
  const { actor: user, organisationId } = requireOrganisation(actor);
  if (!can(user, 'vulnerabilities.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not see vulnerabilities in this organisation.');
  return { organisationId };
}

function matchesFilter(match: TriagedMatch, query: Omit<MatchListQuery, 'view' | 'cursor' | 'limit'>): boolean {
  if (query.severity !== undefined && (match.severityLevel ?? 'unknown') !== query.severity) return false;
  if (query.kev !== undefined && match.kev !== query.kev) return false;
  if (query.status !== undefined && match.status !== query.status) return false;
  return true;
}

function deviceRow(match: TriagedMatch): MatchRowView {
  return {
    deviceId: match.deviceId,
    assetTag: match.assetTag,
    manufacturer: match.manufacturer,
    model: match.model,
    firmwareVersion: match.firmwareVersion,
    advisoryId: match.advisoryId,
    trackingId: match.trackingId,
    title: match.title,
    cves: match.cves,
    severity: match.severityLevel ? { level: match.severityLevel as 'critical', score: match.score } : null,
    kev: match.kev,
    status: match.status,
    justification: justificationOf(match),
    owner: match.triage?.owner ?? '',
    due: match.triage?.due ?? null,
    triageVersion: match.triage ? Number(match.triage.version) : null,
    triageLevel: match.triageLevel,
    confidence: match.confidence,
    why: match.why,
  };
}

/**
 * Rows for a model: one per (manufacturer, model, advisory); the status is the model triage's (or
 * in_triage), firmware versions and device counts gathered; confidence 'name' if any was by name.
 */
function modelRows(matches: readonly TriagedMatch[]): MatchRowView[] {
  const groups = new Map<string, { first: TriagedMatch; firmware: Set<string>; devices: number; byName: boolean }>();
  for (const match of matches) {
    const key = `${match.manufacturer}\u0000${match.model}\u0000${match.advisoryId}`;
    const group = groups.get(key) ?? { first: match, firmware: new Set<string>(), devices: 0, byName: false };
    group.firmware.add(match.firmwareVersion);
    group.devices += 1;
    group.byName ||= match.confidence === 'name';
    groups.set(key, group);
  }
  return [...groups.values()].map(({ first, firmware, devices, byName }) => {
    const modelTriage = first.triageLevel === 'model' ? first.triage : null;
    const {
      deviceId: _deviceId,
      assetTag: _assetTag,
      ...row
    } = deviceRow({
      ...first,
      triage: modelTriage,
      triageLevel: modelTriage ? 'model' : null,
      status: (modelTriage?.status ?? 'in_triage') as TriagedMatch['status'],
    });
    return {
      ...row,
      devices,
      firmwareVersion: [...firmware].sort().join(', '),
      confidence: byName ? 'name' : 'exact',
    };
  });
}

/**
 * The organisation's matches, one row per device (view=device) or per model (view=model) and
 * advisory, filtered by severity, KEV and status; most severe first, then KEV, then tracking id.
 */
export async function listMatches(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly query: MatchListQuery },
): Promise<MatchListView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const matches = await loadTriagedMatches(deps.database, organisationId);
  const sorted = [...matches].sort(
    (a, b) =>
      severityRank(a) - severityRank(b) ||
      Number(b.kev) - Number(a.kev) ||
      a.trackingId.localeCompare(b.trackingId) ||
      a.assetTag.localeCompare(b.assetTag),
  );
  const { view = 'device', cursor, limit, ...filter } = input.query;
  const rows = view === 'model' ? modelRows(sorted) : sorted.map(deviceRow);
  const kept = rows.filter((row) =>
    matchesFilter(
      {
        severityLevel: row.severity?.level ?? null,
        kev: row.kev,
        status: row.status,
      } as TriagedMatch,
      filter,
    ),
  );
  return page(kept, cursor, limit);
}

/** The matches of one device of the organisation (NOT_FOUND for another organisation's device). */
export async function listDeviceVulnerabilities(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly deviceId: string },
): Promise<{ items: MatchRowView[] }> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const id = Number(input.deviceId);
  const device = Number.isSafeInteger(id) ? await findDeviceRow(deps.database.db, organisationId, id) : undefined;
  if (!device) throw new DomainError('NOT_FOUND', 'No such device.');
  const matches = await loadTriagedMatches(deps.database, organisationId, { deviceIds: [id] });
  return {
    items: matches
      .sort((a, b) => severityRank(a) - severityRank(b) || a.trackingId.localeCompare(b.trackingId))
      .map(deviceRow),
  };
}
