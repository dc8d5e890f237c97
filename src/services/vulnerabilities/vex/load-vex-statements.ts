import type { Kysely } from 'kysely';
import type { AdvisorySource, NormalisedAdvisory, SeverityLevel } from '../../../core/vulnerabilities/advisory.types';
import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import type { DatabaseSchema } from '../../../db/database';
import { INSTALLATION_SCOPE } from '../../../db/vulnerabilities/advisory.repository';
import { listOrganisationTriage } from '../../../db/vulnerabilities/triage.repository';
import type { VexAdvisory, VexStatement, VexTarget } from './vex-statement';

type Db = Kysely<DatabaseSchema>;
const CHUNK = 500;

/**
 * The organisation's triage records as VEX statements, each with the advisory it is about (the
 * organisation's own upload over the installation's feed when both exist) and its model or device.
 * A triage whose advisory is no longer visible is left out. Ordered by advisory, then target.
 */
export async function loadVexStatements(db: Db, organisationId: string): Promise<VexStatement[]> {
  const triage = await listOrganisationTriage(db, organisationId);
  if (triage.length === 0) return [];
  const trackingIds = [...new Set(triage.map((row) => row.tracking_id))];
  const advisories = new Map<string, { scope: string; advisory: VexAdvisory }>();
  for (let start = 0; start < trackingIds.length; start += CHUNK) {
    const rows = await db
      .selectFrom('advisory')
      .select(['scope_key', 'source', 'tracking_id', 'title', 'cves', 'severity_level', 'document'])
      .where('scope_key', 'in', [INSTALLATION_SCOPE, organisationId])
      .where('tracking_id', 'in', trackingIds.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) {
      const key = `${row.source}\u0000${row.tracking_id}`;
      const known = advisories.get(key);
      if (known && known.scope !== INSTALLATION_SCOPE) continue;
      const document = JSON.parse(row.document) as Partial<NormalisedAdvisory>;
      advisories.set(key, {
        scope: row.scope_key,
        advisory: {
          source: row.source as AdvisorySource,
          trackingId: row.tracking_id,
          title: row.title,
          cves: JSON.parse(row.cves) as string[],
          severityLevel: (row.severity_level ?? null) as SeverityLevel | null,
          scores: document.scores ?? [],
          references: document.references ?? [],
        },
      });
    }
  }
  const deviceIds = [...new Set(triage.filter((row) => row.device_id !== null).map((row) => Number(row.device_id)))];
  const devices = new Map<number, { asset_tag: string; firmware_version: string }>();
  for (let start = 0; start < deviceIds.length; start += CHUNK) {
    const rows = await db
      .selectFrom('device')
      .select(['id', 'asset_tag', 'firmware_version'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', deviceIds.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) devices.set(Number(row.id), row);
  }
  const statements: VexStatement[] = [];
  for (const row of triage) {
    const advisory = advisories.get(`${row.source}\u0000${row.tracking_id}`)?.advisory;
    if (!advisory) continue;
    let target: VexTarget;
    if (row.target_kind === 'device') {
      const device = devices.get(Number(row.device_id));
      if (!device) continue;
      target = {
        kind: 'device',
        deviceId: String(Number(row.device_id)),
        assetTag: device.asset_tag,
        manufacturer: row.manufacturer,
        model: row.model,
        firmwareVersion: device.firmware_version,
      };
    } else {
      target = { kind: 'model', manufacturer: row.manufacturer, model: row.model };
    }
    statements.push({
      advisory,
      target,
      status: row.status as TriageStatus,
      justification: (row.justification ?? null) as NotAffectedJustification | null,
      detail: row.detail,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
  return statements.sort(
    (a, b) =>
      a.advisory.source.localeCompare(b.advisory.source) ||
      a.advisory.trackingId.localeCompare(b.advisory.trackingId) ||
      a.target.kind.localeCompare(b.target.kind) ||
      a.target.manufacturer.localeCompare(b.target.manufacturer) ||
      a.target.model.localeCompare(b.target.model) ||
      (a.target.kind === 'device' && b.target.kind === 'device'
        ? Number(a.target.deviceId) - Number(b.target.deviceId)
        : 0),
  );
}
