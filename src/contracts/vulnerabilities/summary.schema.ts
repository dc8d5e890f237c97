import Type from 'typebox';
import { List, Nullable } from './parts.schema';

// GET /api/vulnerabilities/summary — the strip on top of the Vulnerabilities page and its chart.

const Counts = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Integer()])) as Record<K, Type.TInteger>);

export const VulnerabilitySummarySchema = Type.Object({
  openMatches: Type.Integer({ description: 'device × advisory pairs not triaged as closed' }),
  openKev: Type.Integer({ description: 'open pairs whose advisory is in the CISA KEV list' }),
  affectedDevices: Type.Integer({ description: 'devices with at least one open match' }),
  bySeverity: Counts(['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const),
  byStatus: Counts(['in_triage', 'exploitable', 'not_affected', 'resolved', 'false_positive'] as const),
  lastMatchedAt: Nullable(Type.String({ description: 'when the last match run of the organisation ended' })),
  pendingConfirmations: Type.Integer(),
  trend: List(
    Type.Object({
      date: Type.String({ description: 'YYYY-MM-DD' }),
      open: Type.Integer(),
      kev: Type.Integer(),
    }),
    { maxItems: 400 },
  ),
});

export type VulnerabilitySummaryView = Type.Static<typeof VulnerabilitySummarySchema>;
