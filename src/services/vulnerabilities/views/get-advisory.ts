import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import type { AdvisoryDetailView } from '../../../contracts/vulnerabilities/advisory.schema';
import { findVisibleAdvisory } from '../../../db/vulnerabilities/advisory.repository';
import { listOrganisationTriage, triageTargetKey } from '../../../db/vulnerabilities/triage.repository';
import { presentTriage } from '../triage/present-triage';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from './list-matches';
import { loadTriagedMatches } from './triaged-matches';

const MAX_DEVICES = 1000;

/**
 * One advisory the organisation sees, with its facts, the affected models (firmware versions,
 * device count, the model's triage) and devices (status and the triage that applies).
 * NOT_FOUND for an advisory another organisation uploaded.
 */
export async function getAdvisory(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly advisoryId: string },
): Promise<AdvisoryDetailView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const row = await findVisibleAdvisory(db, organisationId, input.advisoryId);
  if (!row) throw new DomainError('NOT_FOUND', 'No such advisory.');
  const document = JSON.parse(row.document) as NormalisedAdvisory;
  const matches = await loadTriagedMatches(deps.database, organisationId, { advisoryId: row.id });
  const modelTriage = new Map(
    (await listOrganisationTriage(db, organisationId))
      .filter((t) => t.source === row.source && t.tracking_id === row.tracking_id && t.target_kind === 'model')
      .map((t) => [t.target_key, t]),
  );
  const models = new Map<
    string,
    { first: (typeof matches)[number]; firmware: Set<string>; devices: number; byName: boolean }
  >();
  for (const match of matches) {
    const key = triageTargetKey({ kind: 'model', manufacturer: match.manufacturer.trim(), model: match.model.trim() });
    const entry = models.get(key) ?? { first: match, firmware: new Set<string>(), devices: 0, byName: false };
    entry.firmware.add(match.firmwareVersion);
    entry.devices += 1;
    entry.byName ||= match.confidence === 'name';
    models.set(key, entry);
  }
  return {
    id: row.id,
    source: row.source as AdvisoryDetailView['source'],
    trackingId: row.tracking_id,
    title: row.title,
    language: row.language === 'ja' ? 'ja' : 'en',
    summary: row.summary,
    cves: JSON.parse(row.cves) as string[],
    severity: row.severity_level
      ? { level: row.severity_level as 'critical', score: row.cvss_score === null ? null : Number(row.cvss_score) }
      : null,
    scores: document.scores.map((score) => ({ ...score })),
    kev: document.kev ? { ...document.kev } : null,
    published: row.published,
    lastModified: row.last_modified,
    references: [...document.references],
    remediations: document.remediations.map((remediation) => ({ ...remediation })),
    scope: row.organisation_id === null ? 'installation' : 'organisation',
    withdrawn: Number(row.withdrawn) === 1 || row.withdrawn === true,
    models: [...models.entries()].map(([key, { first, firmware, devices, byName }]) => {
      const triage = modelTriage.get(key);
      return {
        manufacturer: first.manufacturer,
        model: first.model,
        firmwareVersions: [...firmware].sort(),
        devices,
        confidence: byName ? ('name' as const) : ('exact' as const),
        why: first.why,
        triage: triage ? presentTriage(triage, row.id) : null,
      };
    }),
    devices: matches.slice(0, MAX_DEVICES).map((match) => ({
      deviceId: match.deviceId,
      assetTag: match.assetTag,
      name: match.deviceName,
      firmwareVersion: match.firmwareVersion,
      confidence: match.confidence,
      why: match.why,
      status: match.status,
      triage: match.triage
        ? presentTriage(match.triage, row.id, match.triageLevel === 'device' ? match.assetTag : '')
        : null,
    })),
    devicesTruncated: matches.length > MAX_DEVICES,
  };
}
