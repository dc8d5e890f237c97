import type { IncidentTimes } from './incident.types';

/** Minutes between the moments of an incident; null when either end is unknown. */
export interface IncidentFigures {
  /** occurred → detected (only when the time it occurred is known). */
  readonly minutesToDetect: number | null;
  /** detected → first report sent. */
  readonly minutesToReport: number | null;
  /** detected → contained. */
  readonly minutesToContain: number | null;
  /** detected → recovered. */
  readonly minutesToRecover: number | null;
}

function minutesBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 6000) / 10;
}

/** The figures of one incident (minutes, one decimal). */
export function incidentFigures(times: IncidentTimes): IncidentFigures {
  return {
    minutesToDetect: minutesBetween(times.occurredAt, times.detectedAt),
    minutesToReport: minutesBetween(times.detectedAt, times.reportedAt),
    minutesToContain: minutesBetween(times.detectedAt, times.containedAt),
    minutesToRecover: minutesBetween(times.detectedAt, times.recoveredAt),
  };
}

/** The median of the known values, or null when none is known. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
}

/** One month of a figures series: how many incidents were detected, and the median minutes. */
export interface FigurePoint {
  readonly month: string;
  readonly count: number;
  readonly medianMinutesToDetect: number | null;
  readonly medianMinutesToContain: number | null;
  readonly medianMinutesToRecover: number | null;
}

/** Groups incidents by the month (UTC) they were detected in, oldest month first, with median figures. */
export function monthlyFigures(incidents: readonly (IncidentFigures & { detectedAt: string })[]): FigurePoint[] {
  const byMonth = new Map<string, (IncidentFigures & { detectedAt: string })[]>();
  for (const incident of incidents) {
    const month = new Date(incident.detectedAt).toISOString().slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), incident]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, group]) => ({
      month,
      count: group.length,
      medianMinutesToDetect: median(group.map((incident) => incident.minutesToDetect)),
      medianMinutesToContain: median(group.map((incident) => incident.minutesToContain)),
      medianMinutesToRecover: median(group.map((incident) => incident.minutesToRecover)),
    }));
}
