import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import type { AdvisoryDetailView } from '../../../contracts/vulnerabilities/advisory.schema';
import { findVisibleAdvisory } from '../../../db/vulnerabilities/advisory.repository';
import type { MatchReason, TriageStatus } from '../../../core/vulnerabilities/match.types';
import { matchWhy } from '../../../core/vulnerabilities/match-why';
import {
  listDeviceMatchRows,
  listModelFirmware,
  listModelMatchRows,
  modelGroupKey,
} from '../../../db/vulnerabilities/match-view.repository';
import { listTriageForAdvisories } from '../../../db/vulnerabilities/triage.repository';
import { presentTriage } from '../triage/present-triage';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from './list-matches';

const MAX_DEVICES = 1000;

/**
 * One advisory the organisation sees, with its facts, the affected models (firmware versions,
 * device count, the model's triage) and the first 1000 devices (effective status and the triage
 * that applies), all counted and ordered by the database.
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
  const filter = { advisoryId: row.id };
  const [models, devices, triage] = await Promise.all([
    listModelMatchRows(db, organisationId, { filter }),
    listDeviceMatchRows(db, organisationId, { filter, limit: MAX_DEVICES }),
    listTriageForAdvisories(db, organisationId, [{ source: row.source, trackingId: row.tracking_id }]),
  ]);
  const firmware = await listModelFirmware(db, organisationId, models);
  const triageById = new Map(triage.map((t) => [t.id, t]));
  const triageOf = (id: string | null) => (id === null ? undefined : triageById.get(id));
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
    models: models.map((model) => {
      const applied = triageOf(model.triageId);
      return {
        manufacturer: model.manufacturer,
        model: model.model,
        firmwareVersions: firmware.get(modelGroupKey(row.id, model.manufacturer, model.model)) ?? [],
        devices: model.devices,
        confidence: model.byName ? ('name' as const) : ('exact' as const),
        why: matchWhy(JSON.parse(model.reason) as MatchReason),
        triage: applied ? presentTriage(applied, row.id) : null,
      };
    }),
    devices: devices.slice(0, MAX_DEVICES).map((device) => {
      const applied = triageOf(device.triageId);
      return {
        deviceId: device.deviceId,
        assetTag: device.assetTag,
        name: device.deviceName,
        firmwareVersion: device.firmwareVersion,
        confidence: device.confidence,
        why: matchWhy(JSON.parse(device.reason) as MatchReason),
        status: device.status as TriageStatus,
        triage: applied ? presentTriage(applied, row.id, device.triageLevel === 'device' ? device.assetTag : '') : null,
      };
    }),
    devicesTruncated: devices.length > MAX_DEVICES,
  };
}
