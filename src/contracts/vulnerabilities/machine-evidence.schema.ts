import Type from 'typebox';
import { ProbeEvidenceSchema } from '../probes';
import { List, Nullable } from './parts.schema';

// GET /api/assessments/:id/machine-evidence — facts from the life-cycle dates and the
// vulnerability matches of the assessed system's devices, per checksheet item (36, 39, 40, 47),
// and the latest probe observations of those devices (items 23, 24, 25, 26, 32, 47; key `probeResults`).

export const MachineEvidenceEntrySchema = Type.Object({
  key: Type.String({ description: 'e.g. supportEnded, openMatches, openKevMatches' }),
  count: Type.Integer(),
  total: Type.Integer({ description: 'devices in service linked to the system' }),
  concern: Type.Boolean({ description: 'a non-zero count that is a gap' }),
  source: Type.Enum(['inventory', 'latest-firmware', 'vulnerability-match', 'probe-run']),
  observedAt: Nullable(Type.String({ description: 'when the fact was observed (counted, or the last match run)' })),
  advisories: Type.Optional(List(Type.String({ description: 'tracking ids' }), { maxItems: 20 })),
  probe: Type.Optional(ProbeEvidenceSchema),
});

export const MachineEvidenceSchema = Type.Object({
  systemId: Type.String(),
  items: Type.Record(Type.String(), List(MachineEvidenceEntrySchema)),
});

export type MachineEvidenceEntryView = Type.Static<typeof MachineEvidenceEntrySchema>;
export type MachineEvidenceView = Type.Static<typeof MachineEvidenceSchema>;
