import { INCIDENT_STATUSES, type IncidentStatus } from './incident-types';

/** A status the status route moves to (closing has its own route, with lessons). */
export type ForwardStatus = Exclude<IncidentStatus, 'detected' | 'closed'>;

const isForward = (status: IncidentStatus): status is ForwardStatus => status !== 'detected' && status !== 'closed';

/**
 * The statuses an incident may move to from `current`: any later one (steps may be skipped),
 * never an earlier one; a closed incident only reopens, which the close/reopen actions handle.
 */
export function nextStatuses(current: IncidentStatus): readonly ForwardStatus[] {
  // Closing goes through the close dialog (it asks for lessons learned).
  return INCIDENT_STATUSES.slice(INCIDENT_STATUSES.indexOf(current) + 1).filter(isForward);
}

/** Whether `status` is at or before `current` in the life cycle (reached, for the stepper). */
export function isReached(status: IncidentStatus, current: IncidentStatus): boolean {
  return INCIDENT_STATUSES.indexOf(status) <= INCIDENT_STATUSES.indexOf(current);
}

/** Minutes as "45 min" / "3 h 20 min" / "2 d 4 h"; null as "—". Units come from the caller's language. */
export function formatMinutes(
  minutes: number | null | undefined,
  units: { minutes: string; hours: string; days: string },
): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const total = Math.round(minutes);
  if (total < 60) return `${total}${units.minutes}`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return `${days}${units.days}${hours > 0 ? ` ${hours}${units.hours}` : ''}`;
  return `${hours}${units.hours}${rest > 0 ? ` ${rest}${units.minutes}` : ''}`;
}

/** A `<input type="datetime-local">` value for now, in local time. */
export function localDateTimeNow(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A datetime-local value (local time, no zone) as an ISO instant for the API; blank stays undefined. */
export function toIsoInstant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A mailto: link with subject and body encoded (the recipient may be unknown). */
export function mailtoHref(recipient: string | null | undefined, subject: string, body: string): string {
  const params = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return `mailto:${recipient ? encodeURIComponent(recipient).replace(/%40/g, '@') : ''}?${params}`;
}
