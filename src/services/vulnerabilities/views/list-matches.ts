import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import type { MatchListQuery, MatchListView, MatchRowView } from '../../../contracts/vulnerabilities/match.schema';
import type { MatchReason, NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import { matchWhy } from '../../../core/vulnerabilities/match-why';
import { findDeviceRow } from '../../../db/inventory/device.repository';
import {
  listDeviceMatchRows,
  listModelFirmware,
  listModelMatchRows,
  modelGroupKey,
  type DeviceMatchKey,
  type DeviceMatchRow,
  type ModelMatchKey,
  type ModelMatchRow,
} from '../../../db/vulnerabilities/match-view.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { decodeViewCursor, pageSize, toPage } from './view-cursor';

/** Reads need vulnerabilities.read in the actor's organisation. */
export function requireVulnerabilityReader(actor: Actor): { organisationId: string } {
  const { actor: user, organisationId } = requireOrganisation(actor);
  if (!can(user, 'vulnerabilities.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not see vulnerabilities in this organisation.');
  return { organisationId };
}

const severityOf = (row: { severityLevel: string | null; score: number | null }): MatchRowView['severity'] =>
  row.severityLevel ? { level: row.severityLevel as 'critical', score: row.score } : null;

/** A device row as the API shows it. */
export function presentDeviceMatch(row: DeviceMatchRow): MatchRowView {
  return {
    deviceId: row.deviceId,
    assetTag: row.assetTag,
    manufacturer: row.manufacturer,
    model: row.model,
    firmwareVersion: row.firmwareVersion,
    advisoryId: row.advisoryId,
    trackingId: row.trackingId,
    title: row.title,
    cves: row.cves,
    severity: severityOf(row),
    kev: row.kev,
    status: row.status as TriageStatus,
    justification: row.justification as NotAffectedJustification | null,
    owner: row.owner,
    due: row.due,
    triageVersion: row.triageVersion,
    triageLevel: row.triageLevel,
    confidence: row.confidence,
    why: matchWhy(JSON.parse(row.reason) as MatchReason),
  };
}

/** A model row: the model triage's status (or in_triage), its firmware versions and device count. */
function presentModelMatch(row: ModelMatchRow, firmware: readonly string[]): MatchRowView {
  return {
    devices: row.devices,
    manufacturer: row.manufacturer,
    model: row.model,
    firmwareVersion: firmware.join(', '),
    advisoryId: row.advisoryId,
    trackingId: row.trackingId,
    title: row.title,
    cves: row.cves,
    severity: severityOf(row),
    kev: row.kev,
    status: row.status as TriageStatus,
    justification: row.justification as NotAffectedJustification | null,
    owner: row.owner,
    due: row.due,
    triageVersion: row.triageVersion,
    triageLevel: row.triageId ? 'model' : null,
    confidence: row.byName ? 'name' : 'exact',
    why: matchWhy(JSON.parse(row.reason) as MatchReason),
  };
}

const DEVICE_KEY = ['number', 'number', 'string', 'string', 'string', 'number'] as const;
const MODEL_KEY = ['number', 'number', 'string', 'string', 'string', 'string'] as const;

/**
 * The organisation's matches, one row per device (view=device) or per model (view=model, trimmed
 * manufacturer + model) and advisory, filtered by severity, KEV, status (the effective status of
 * a device; a model's own triage status for view=model), manufacturer and model; most severe
 * first, then KEV, then tracking id, then asset tag / model. Keyset pages of at most 500 rows.
 */
export async function listMatches(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly query: MatchListQuery },
): Promise<MatchListView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const { view = 'device', cursor, limit: asked, severity, kev, status, manufacturer, model } = input.query;
  const filter = { severity, kev, status, manufacturer, model };
  const limit = pageSize(asked);
  if (view === 'model') {
    const after = decodeViewCursor<ModelMatchKey>('model-matches', MODEL_KEY, cursor);
    const rows = await listModelMatchRows(db, organisationId, { filter, after, limit });
    const firmware = await listModelFirmware(db, organisationId, rows.slice(0, limit));
    return toPage('model-matches', rows, limit, (row) =>
      presentModelMatch(row, firmware.get(modelGroupKey(row.advisoryId, row.manufacturer, row.model)) ?? []),
    );
  }
  const after = decodeViewCursor<DeviceMatchKey>('device-matches', DEVICE_KEY, cursor);
  const rows = await listDeviceMatchRows(db, organisationId, { filter, after, limit });
  return toPage('device-matches', rows, limit, presentDeviceMatch);
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
  const rows = await listDeviceMatchRows(deps.database.db, organisationId, { filter: { deviceIds: [id] } });
  return { items: rows.map(presentDeviceMatch) };
}
