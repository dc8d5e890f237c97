/** The days a time window names, Monday first (the order clients show). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When probes of a scope may run: on `days`, from `start` to `end` (HH:MM) in the scope's time
 * zone. An `end` at or before `start` runs past midnight into the next day (22:00–06:00 on `mon`
 * is Monday 22:00 to Tuesday 06:00; 00:00–00:00 is the whole day).
 */
export interface TimeWindow {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

/** Where `at` stands against the windows: open now, or the next opening (start and end, UTC). */
export type WindowStanding =
  | { readonly open: true }
  | { readonly open: false; readonly next: { readonly start: string; readonly end: string } | null };

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const DAY_MS = 86_400_000;

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at `at`, as if it were UTC (so date arithmetic stays simple). */
function wallClock(at: Date, zone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')));
}

/** The instant whose wall clock in `zone` reads `wall` (taken as UTC fields); exact outside DST gaps. */
function instantOf(wall: Date, zone: string): Date {
  let guess = new Date(wall.getTime());
  for (let i = 0; i < 2; i += 1) {
    const offset = wallClock(guess, zone).getTime() - guess.getTime();
    guess = new Date(wall.getTime() - offset);
  }
  return guess;
}

const weekdayOf = (wall: Date): Weekday => WEEKDAYS[(wall.getUTCDay() + 6) % 7]!;

/**
 * Decides whether a probe may run at `at`. No windows = any time. Otherwise the window open now,
 * or the next one to open within eight days (null when the windows name no day at all).
 */
export function windowStanding(windows: readonly TimeWindow[], zone: string, at: Date): WindowStanding {
  if (windows.length === 0) return { open: true };
  const now = wallClock(at, zone);
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let next: { start: Date; end: Date } | null = null;
  // Windows that started yesterday may still be open; look from yesterday to a week ahead.
  for (let day = -1; day <= 8; day += 1) {
    const date = new Date(midnight + day * DAY_MS);
    for (const window of windows) {
      if (!window.days.includes(weekdayOf(date))) continue;
      const start = minutesOf(window.start);
      let end = minutesOf(window.end);
      if (end <= start) end += 24 * 60;
      const wallStart = new Date(date.getTime() + start * 60_000);
      const wallEnd = new Date(date.getTime() + end * 60_000);
      if (wallStart <= now && now < wallEnd) return { open: true };
      if (wallStart > now && (next === null || wallStart < next.start)) next = { start: wallStart, end: wallEnd };
    }
  }
  return {
    open: false,
    next: next && {
      start: instantOf(next.start, zone).toISOString(),
      end: instantOf(next.end, zone).toISOString(),
    },
  };
}
