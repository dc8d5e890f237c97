import type { Kysely } from 'kysely';
import type { Incident } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../../db/database';
import { findIncident } from '../../db/incidents/incident.repository';
import { incidentNotFound } from './incident-errors';

/** The organisation's incident, or NOT_FOUND (also for another organisation's id). */
export async function requireIncident(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  incidentId: string,
): Promise<Incident> {
  const incident = await findIncident(db, organisationId, incidentId);
  if (!incident) throw incidentNotFound();
  return incident;
}
