import Type from 'typebox';
import { SEVERITY_LEVELS } from '../../core/vulnerabilities/advisory.types';
import { NOT_AFFECTED_JUSTIFICATIONS, TRIAGE_STATUSES } from '../../core/vulnerabilities/match.types';

// Schema parts shared by the vulnerability contracts (issue 13).

export const List = <T extends Type.TSchema>(items: T, options: { maxItems?: number } = {}) =>
  Type.Immutable(Type.Array(items, options));
export const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const TriageStatusSchema = Type.Enum([...TRIAGE_STATUSES]);
export const JustificationSchema = Type.Enum([...NOT_AFFECTED_JUSTIFICATIONS]);
/** Severity filter and bucket: the CVSS levels plus `unknown` for an advisory without a score. */
export const SeverityFilterSchema = Type.Enum([...SEVERITY_LEVELS, 'unknown']);

/** The highest score of an advisory, or null when it carries none. */
export const SeveritySchema = Nullable(
  Type.Object({ level: Type.Enum([...SEVERITY_LEVELS]), score: Nullable(Type.Number()) }),
);

/** Why an identity matched, short: which selector, which versions, on which platform. */
export const WhySchema = Type.Object({
  kind: Type.Enum(['cpe', 'purl', 'name']),
  selector: Type.String({ description: 'the CPE, purl or "vendor product" that held' }),
  range: Type.String({ description: 'the versions, e.g. ">= 1.0, < 1.3" or "*" for every version' }),
  platform: Type.Optional(Type.String({ description: 'the platform condition that also held (NVD AND)' })),
});

/** A match is exact (CPE/purl) or by normalised vendor and product names (lower confidence). */
export const ConfidenceSchema = Type.Enum(['exact', 'name']);

/** The triage that applies to a match (device triage overrides model triage), or null when none. */
export const TriageSchema = Type.Object({
  id: Type.String(),
  advisoryId: Type.String(),
  target: Type.Union([
    Type.Object({ kind: Type.Literal('model'), manufacturer: Type.String(), model: Type.String() }),
    Type.Object({
      kind: Type.Literal('device'),
      deviceId: Type.String(),
      assetTag: Type.String(),
      manufacturer: Type.String(),
      model: Type.String(),
    }),
  ]),
  status: TriageStatusSchema,
  justification: Nullable(JustificationSchema),
  detail: Type.String(),
  owner: Type.String(),
  due: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  version: Type.Integer({ description: 'send it back as expectedVersion; a stale one gets 409' }),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});

/** Cursor paging: an opaque cursor from the previous page's nextCursor, and a page size. */
export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'default 100' })),
};

export type WhyView = Type.Static<typeof WhySchema>;
export type TriageView = Type.Static<typeof TriageSchema>;
export type SeverityView = Type.Static<typeof SeveritySchema>;
