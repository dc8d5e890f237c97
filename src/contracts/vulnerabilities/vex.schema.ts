import Type from 'typebox';

// GET /api/vulnerabilities/vex?format= — the organisation's triage as a VEX document (attachment).

export const VexQuerySchema = Type.Object(
  { format: Type.Enum(['cyclonedx', 'csaf'], { description: 'CycloneDX 1.6 VEX JSON or CSAF 2.0 csaf_vex' }) },
  { additionalProperties: false },
);

export type VexQuery = Type.Static<typeof VexQuerySchema>;
