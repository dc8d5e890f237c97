import type { Kysely } from 'kysely';
import type { TimelineEntry, TimelineKind } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

// The timeline is append-only: this file offers appending and reading, nothing else, and the
// database refuses UPDATE and DELETE on the table (see migration 20261204-0004).

/** A new entry: everything but its sequence number, which the incident hands out. */
export interface NewTimelineEntry {
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly kind: TimelineKind;
  readonly body: string;
  readonly correctsSeq: number | null;
  readonly details: TimelineEntry['details'];
}

/**
 * Appends an entry with the incident's next sequence number. Bumping the counter on the incident
 * row first locks it (PostgreSQL), so concurrent appends get 1, 2, 3… without gaps or clashes.
 */
export async function appendTimelineEntry(
  db: Db,
  organisationId: string,
  incidentId: string,
  entry: NewTimelineEntry,
): Promise<TimelineEntry> {
  const counter = await db
    .updateTable('incident')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', incidentId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const seq = Number(counter.last_seq);
  await db
    .insertInto('incident_timeline')
    .values({
      incident_id: incidentId,
      seq,
      organisation_id: organisationId,
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      kind: entry.kind,
      body: entry.body,
      corrects_seq: entry.correctsSeq,
      details: JSON.stringify(entry.details),
    })
    .execute();
  return {
    seq,
    at: entry.at,
    actorLabel: entry.actorLabel,
    kind: entry.kind,
    body: entry.body,
    correctsSeq: entry.correctsSeq,
    details: entry.details,
  };
}

/** The incident's timeline in order. */
export async function listTimeline(db: Db, organisationId: string, incidentId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('incident_timeline')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actorLabel: row.actor_label,
    kind: row.kind as TimelineKind,
    body: row.body,
    correctsSeq: row.corrects_seq === null ? null : Number(row.corrects_seq),
    details: JSON.parse(row.details) as TimelineEntry['details'],
  }));
}
