import type { Kysely, Selectable } from 'kysely';
import type { Incident, IncidentSeverity, IncidentStatus } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../database';
import type { IncidentTable } from './incident.table';

type Db = Kysely<DatabaseSchema>;

const toIncident = (row: Selectable<IncidentTable>): Incident => ({
  id: row.id,
  number: Number(row.number),
  title: row.title,
  description: row.description,
  severity: row.severity as IncidentSeverity,
  status: row.status as IncidentStatus,
  systemIds: JSON.parse(row.system_ids) as string[],
  drill: Number(row.drill) === 1,
  playbookId: row.playbook_id,
  occurredAt: row.occurred_at,
  detectedAt: row.detected_at,
  reportedAt: row.reported_at,
  triagedAt: row.triaged_at,
  containedAt: row.contained_at,
  eradicatedAt: row.eradicated_at,
  recoveredAt: row.recovered_at,
  closedAt: row.closed_at,
  version: Number(row.version),
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (incident: Incident) => ({
  title: incident.title,
  description: incident.description,
  severity: incident.severity,
  status: incident.status,
  system_ids: JSON.stringify(incident.systemIds),
  occurred_at: incident.occurredAt,
  detected_at: incident.detectedAt,
  reported_at: incident.reportedAt,
  triaged_at: incident.triagedAt,
  contained_at: incident.containedAt,
  eradicated_at: incident.eradicatedAt,
  recovered_at: incident.recoveredAt,
  closed_at: incident.closedAt,
  version: incident.version,
  updated_at: incident.updatedAt,
});

/**
 * The organisation's next incident number (1, 2, …). One row per organisation is bumped in place,
 * so concurrent creations on PostgreSQL wait for each other instead of taking the same number.
 */
export async function nextIncidentNumber(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .insertInto('incident_counter')
    .values({ organisation_id: organisationId, last_number: 1 })
    .onConflict((conflict) =>
      conflict
        .column('organisation_id')
        .doUpdateSet((eb) => ({ last_number: eb('incident_counter.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** Stores a new incident (its timeline starts empty: last_seq 0). */
export async function insertIncident(db: Db, organisationId: string, incident: Incident): Promise<void> {
  await db
    .insertInto('incident')
    .values({
      id: incident.id,
      organisation_id: organisationId,
      number: incident.number,
      drill: incident.drill ? 1 : 0,
      playbook_id: incident.playbookId,
      last_seq: 0,
      created_by: incident.createdBy,
      created_at: incident.createdAt,
      ...toColumns(incident),
    })
    .execute();
}

/** One incident of the organisation; another organisation's id is simply not found. */
export async function findIncident(db: Db, organisationId: string, incidentId: string): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incident')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', incidentId)
    .executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

/** What a list of incidents may be narrowed to. */
export interface IncidentFilter {
  readonly status?: IncidentStatus;
  readonly severity?: IncidentSeverity;
  readonly systemId?: string;
  readonly drill?: boolean;
}

/** The organisation's incidents, newest number first. */
export async function listIncidents(db: Db, organisationId: string, filter: IncidentFilter = {}): Promise<Incident[]> {
  let query = db.selectFrom('incident').selectAll().where('organisation_id', '=', organisationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.severity) query = query.where('severity', '=', filter.severity);
  if (filter.drill !== undefined) query = query.where('drill', '=', filter.drill ? 1 : 0);
  const rows = await query.orderBy('number', 'desc').execute();
  const incidents = rows.map(toIncident);
  // system_ids is a short JSON list: filtering after reading keeps one query on both dialects.
  return filter.systemId ? incidents.filter((incident) => incident.systemIds.includes(filter.systemId!)) : incidents;
}

/** Writes the incident's fields if its stored version is still `expectedVersion`; false when it is not. */
export async function updateIncidentRow(
  db: Db,
  organisationId: string,
  incident: Incident,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('incident')
    .set(toColumns(incident))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', incident.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets when the first report went out, once (later reports leave it as it was). */
export async function markIncidentReported(db: Db, organisationId: string, incidentId: string, at: string) {
  await db
    .updateTable('incident')
    .set({ reported_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', incidentId)
    .where('reported_at', 'is', null)
    .execute();
}
