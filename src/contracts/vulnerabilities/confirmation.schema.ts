import Type from 'typebox';
import { VERSION_SCHEMES } from '../../core/vulnerabilities/advisory.types';
import { List, Nullable } from './parts.schema';

// GET /api/vulnerabilities/confirmations, POST /api/vulnerabilities/confirmations/:id —
// version texts no parser could read with certainty, confirmed (as a range) or rejected by a person.

export const CONFIRMATION_STATUSES = ['pending', 'confirmed', 'rejected'] as const;

export const ConfirmationQuerySchema = Type.Object(
  { status: Type.Optional(Type.Enum([...CONFIRMATION_STATUSES], { description: 'default pending' })) },
  { additionalProperties: false },
);

/** A confirmed range on the vers model: any bound may be absent; exact alone is one version. */
export const ConfirmedVersionsSchema = Type.Object(
  {
    scheme: Type.Enum([...VERSION_SCHEMES]),
    exact: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    startIncluding: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    startExcluding: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    endIncluding: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    endExcluding: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const ConfirmationSchema = Type.Object({
  id: Type.String(),
  advisoryId: Type.String(),
  trackingId: Type.String(),
  advisoryTitle: Type.String(),
  product: Type.String({ description: 'the selector of the term: CPE, purl or "vendor product"' }),
  text: Type.String({ description: 'the version text as the advisory wrote it' }),
  status: Type.Enum([...CONFIRMATION_STATUSES]),
  versions: Nullable(ConfirmedVersionsSchema),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  version: Type.Integer(),
});

export const ConfirmationListSchema = Type.Object({ items: List(ConfirmationSchema) });

export const ConfirmationDecisionSchema = Type.Object(
  {
    decision: Type.Enum(['confirm', 'reject']),
    versions: Type.Optional(ConfirmedVersionsSchema),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export type ConfirmationView = Type.Static<typeof ConfirmationSchema>;
export type ConfirmationDecision = Type.Static<typeof ConfirmationDecisionSchema>;
