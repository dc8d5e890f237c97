import Type from 'typebox';

// The audit trail as people read it: /api/organisation/audit and the home page's activity.

const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** What an entry is about, named: the ids stay for links, the names are for reading. */
export const AuditTargetSchema = Type.Object({
  type: Type.String(),
  id: Type.String(),
  name: Nullable(Type.String({ description: 'system name, assessment title, finding issue, person… when known' })),
  assessmentId: Nullable(Type.String()),
  assessmentTitle: Nullable(Type.String()),
  systemName: Nullable(Type.String()),
  itemNumber: Nullable(Type.String({ description: 'the item No. of an answer or finding (e.g. 25)' })),
});

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  occurredAt: Type.String({ description: 'ISO 8601 UTC' }),
  actorUserId: Nullable(Type.String()),
  actorLabel: Type.String(),
  actorName: Nullable(Type.String({ description: "the actor's display name when they are still known" })),
  action: Type.String(),
  target: AuditTargetSchema,
  summary: Type.Unknown({ description: '{ before?, after? } as recorded' }),
  requestId: Nullable(Type.String()),
  clientAddress: Nullable(Type.String()),
});

export const AuditQuerySchema = Type.Object(
  {
    user: Type.Optional(Type.String()),
    action: Type.Optional(Type.String()),
    from: Type.Optional(Type.String({ description: 'ISO 8601 date or time, inclusive' })),
    to: Type.Optional(Type.String({ description: 'ISO 8601 date or time; a date includes the whole day' })),
    order: Type.Optional(Type.Enum(['oldest', 'newest'], { description: 'oldest first (default) or newest first' })),
    afterSeq: Type.Optional(Type.Integer({ minimum: 0, description: 'oldest first: entries after this seq' })),
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1, description: 'newest first: entries before this seq' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const AuditPageSchema = Type.Object({
  entries: List(AuditEntrySchema),
  nextSeq: Nullable(
    Type.Integer({ description: 'pass as afterSeq (oldest first) or beforeSeq (newest first); null on the last page' }),
  ),
});

/** The choices of the audit page's filters: the people and actions that occur in the trail. */
export const AuditFiltersSchema = Type.Object({
  people: List(Type.Object({ userId: Type.String(), name: Type.String() })),
  actions: List(Type.String()),
});

export type AuditTarget = Type.Static<typeof AuditTargetSchema>;
export type AuditEntryView = Type.Static<typeof AuditEntrySchema>;
export type AuditPage = Type.Static<typeof AuditPageSchema>;
export type AuditFilters = Type.Static<typeof AuditFiltersSchema>;
