import Type from 'typebox';
import {
  CriticalitySchema,
  FindingStatusSchema,
  PrioritySchema,
  ResultSchema,
  ReviewStateSchema,
  StatusSchema,
} from './assessment.schema';
import { AuditEntrySchema } from './audit.schema';

// GET /api/home: what a signed-in member sees first.

const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ description: 'YYYY-MM-DD' });

export const HomeOverviewSchema = Type.Object({
  systems: List(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      criticality: CriticalitySchema,
      latest: Nullable(
        Type.Object({
          id: Type.String(),
          title: Type.String(),
          status: StatusSchema,
          score: Nullable(Type.Number({ description: '0–1 over applicable items; null when none applies' })),
          completion: Type.Number({ description: '0–1, answered / all items' }),
          updatedAt: Type.String(),
        }),
      ),
    }),
  ),
  myItems: Type.Object({
    total: Type.Integer(),
    overdue: Type.Integer(),
    items: List(
      Type.Object({
        assessmentId: Type.String(),
        assessmentTitle: Type.String(),
        systemName: Type.String(),
        itemId: Type.String(),
        itemNumber: Type.String(),
        result: ResultSchema,
        reviewState: ReviewStateSchema,
        dueDate: Nullable(Day),
        overdue: Type.Boolean(),
      }),
    ),
  }),
  openFindings: Type.Object({
    total: Type.Integer(),
    overdue: Type.Integer(),
    items: List(
      Type.Object({
        id: Type.String(),
        assessmentId: Type.String(),
        assessmentTitle: Type.String(),
        systemName: Type.String(),
        itemNumber: Type.String(),
        issue: Type.String(),
        priority: PrioritySchema,
        status: FindingStatusSchema,
        ownerName: Type.String(),
        dueDate: Nullable(Day),
        overdue: Type.Boolean(),
      }),
    ),
  }),
  activity: Type.Object({
    scope: Type.Enum(['organisation', 'mine'], {
      description: "organisation: everyone's changes (readers of the audit trail); mine: the actor's own",
    }),
    entries: List(AuditEntrySchema),
  }),
});

export type HomeOverview = Type.Static<typeof HomeOverviewSchema>;
