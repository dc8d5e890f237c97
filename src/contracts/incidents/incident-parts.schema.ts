import Type from 'typebox';
import {
  INCIDENT_LINK_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  NOTIFICATION_KINDS,
  STEP_OUTCOMES,
  TIMELINE_KINDS,
} from '../../core/incidents/incident.types';

// Small schema parts shared by the incident, playbook and notification contracts.

export const IncidentSeveritySchema = Type.Enum([...INCIDENT_SEVERITIES]);
export const IncidentStatusSchema = Type.Enum([...INCIDENT_STATUSES]);
export const TimelineKindSchema = Type.Enum([...TIMELINE_KINDS]);
export const NotificationKindSchema = Type.Enum([...NOTIFICATION_KINDS]);
export const IncidentLinkKindSchema = Type.Enum([...INCIDENT_LINK_KINDS]);
export const StepOutcomeSchema = Type.Enum([...STEP_OUTCOMES]);
export const LanguageSchema = Type.Union([Type.Literal('ja'), Type.Literal('en')]);

/** A moment: ISO-8601 with a zone, e.g. 2026-12-02T09:30:00+09:00 (stored as UTC). */
export const Moment = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'ISO-8601 date-time with a zone',
});
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const ExpectedVersion = Type.Integer({
  minimum: 1,
  description: 'the version you edited; a stale one gets 409 with the current incident',
});
export const DeviceIds = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, uniqueItems: true });
/** A path with one incident or playbook id. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
/** ?lang=ja|en (default ja). */
export const LanguageQuery = Type.Object({ lang: Type.Optional(LanguageSchema) }, { additionalProperties: false });
