import type { Kysely } from 'kysely';
import type { IncidentLink, IncidentLinkKind, IncidentStep, StepOutcome } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

// The parts an incident collects: affected devices, evidence, links by id, and drill steps.

/** An affected device with the facts a vendor needs (item 51). */
export interface IncidentDeviceFacts {
  readonly id: number;
  readonly assetTag: string;
  readonly name: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly firmwareVersion: string;
  readonly serialNumber: string;
  readonly maintainerProviderId: string | null;
}

/** Links devices (already checked to be the organisation's); ones already linked are kept. Returns the new ids. */
export async function insertIncidentDevices(
  db: Db,
  organisationId: string,
  incidentId: string,
  deviceIds: readonly number[],
  at: string,
): Promise<number[]> {
  if (deviceIds.length === 0) return [];
  const linked = new Set(
    (
      await db
        .selectFrom('incident_device')
        .select('device_id')
        .where('incident_id', '=', incidentId)
        .where('organisation_id', '=', organisationId)
        .execute()
    ).map((row) => Number(row.device_id)),
  );
  const added = [...new Set(deviceIds)].filter((id) => !linked.has(id));
  if (added.length > 0)
    await db
      .insertInto('incident_device')
      .values(
        added.map((id) => ({ incident_id: incidentId, device_id: id, organisation_id: organisationId, linked_at: at })),
      )
      .execute();
  return added;
}

/** The incident's devices with their facts, by asset tag. */
export async function listIncidentDevices(
  db: Db,
  organisationId: string,
  incidentId: string,
): Promise<IncidentDeviceFacts[]> {
  const rows = await db
    .selectFrom('incident_device')
    .innerJoin('device', 'device.id', 'incident_device.device_id')
    .select([
      'device.id',
      'device.asset_tag',
      'device.name',
      'device.manufacturer',
      'device.model',
      'device.firmware_version',
      'device.serial_number',
      'device.maintainer_provider_id',
    ])
    .where('incident_device.organisation_id', '=', organisationId)
    .where('device.organisation_id', '=', organisationId)
    .where('incident_device.incident_id', '=', incidentId)
    .orderBy('device.asset_tag')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    assetTag: row.asset_tag,
    name: row.name,
    manufacturer: row.manufacturer,
    model: row.model,
    firmwareVersion: row.firmware_version,
    serialNumber: row.serial_number,
    maintainerProviderId: row.maintainer_provider_id,
  }));
}

/** Links evidence of the organisation; false when it was linked already. */
export async function insertIncidentEvidence(
  db: Db,
  link: { organisationId: string; incidentId: string; evidenceId: string; linkedAt: string; linkedBy: string | null },
): Promise<boolean> {
  const existing = await db
    .selectFrom('incident_evidence')
    .select('evidence_id')
    .where('incident_id', '=', link.incidentId)
    .where('evidence_id', '=', link.evidenceId)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('incident_evidence')
    .values({
      incident_id: link.incidentId,
      evidence_id: link.evidenceId,
      organisation_id: link.organisationId,
      linked_at: link.linkedAt,
      linked_by: link.linkedBy,
    })
    .execute();
  return true;
}

/** The evidence linked to the incident, oldest link first. */
export async function listIncidentEvidence(db: Db, organisationId: string, incidentId: string) {
  const rows = await db
    .selectFrom('incident_evidence')
    .innerJoin('evidence', 'evidence.id', 'incident_evidence.evidence_id')
    .select([
      'evidence.id',
      'evidence.kind',
      'evidence.title',
      'evidence.media_type',
      'evidence.original_name',
      'evidence.sha256',
      'evidence.url',
      'incident_evidence.linked_at',
    ])
    .where('incident_evidence.organisation_id', '=', organisationId)
    .where('evidence.organisation_id', '=', organisationId)
    .where('incident_evidence.incident_id', '=', incidentId)
    .orderBy('incident_evidence.linked_at')
    .orderBy('evidence.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    mediaType: row.media_type,
    originalName: row.original_name,
    sha256: row.sha256,
    url: row.url,
    linkedAt: row.linked_at,
  }));
}

/** Links a vulnerability match or probe result by id; false when that link exists already. */
export async function insertIncidentLink(
  db: Db,
  organisationId: string,
  incidentId: string,
  link: IncidentLink,
): Promise<boolean> {
  const existing = await db
    .selectFrom('incident_link')
    .select('ref_id')
    .where('incident_id', '=', incidentId)
    .where('kind', '=', link.kind)
    .where('ref_id', '=', link.id)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('incident_link')
    .values({
      incident_id: incidentId,
      kind: link.kind,
      ref_id: link.id,
      organisation_id: organisationId,
      label: link.label,
      linked_at: link.linkedAt,
    })
    .execute();
  return true;
}

export async function listIncidentLinks(db: Db, organisationId: string, incidentId: string): Promise<IncidentLink[]> {
  const rows = await db
    .selectFrom('incident_link')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .orderBy('linked_at')
    .orderBy('ref_id')
    .execute();
  return rows.map((row) => ({
    kind: row.kind as IncidentLinkKind,
    id: row.ref_id,
    label: row.label,
    linkedAt: row.linked_at,
  }));
}

/** Stores the steps a drill starts with (copied from its playbook). */
export async function insertIncidentSteps(
  db: Db,
  organisationId: string,
  incidentId: string,
  steps: readonly IncidentStep[],
): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('incident_step')
    .values(
      steps.map((step) => ({
        incident_id: incidentId,
        idx: step.index,
        organisation_id: organisationId,
        title: step.title,
        owner_stakeholder_id: step.ownerStakeholderId,
        expected_minutes: step.expectedMinutes,
        started_at: step.startedAt,
        ended_at: step.endedAt,
        outcome: step.outcome,
        note: step.note,
      })),
    )
    .execute();
}

export async function listIncidentSteps(db: Db, organisationId: string, incidentId: string): Promise<IncidentStep[]> {
  const rows = await db
    .selectFrom('incident_step')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .orderBy('idx')
    .execute();
  return rows.map((row) => ({
    index: Number(row.idx),
    title: row.title,
    ownerStakeholderId: row.owner_stakeholder_id,
    expectedMinutes: row.expected_minutes === null ? null : Number(row.expected_minutes),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome as StepOutcome | null,
    note: row.note,
  }));
}

/** Records a step's progress (the caller has checked the move is allowed). */
export async function updateIncidentStep(
  db: Db,
  organisationId: string,
  incidentId: string,
  step: IncidentStep,
): Promise<void> {
  await db
    .updateTable('incident_step')
    .set({ started_at: step.startedAt, ended_at: step.endedAt, outcome: step.outcome, note: step.note })
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .where('idx', '=', step.index)
    .execute();
}
