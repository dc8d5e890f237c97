import Type from 'typebox';

export const HealthSchema = Type.Object(
  {
    status: Type.Literal('ok'),
    version: Type.String(),
    database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  },
  { description: 'Liveness: the process answers (the database is not consulted)' },
);
export type HealthResponse = Type.Static<typeof HealthSchema>;

export const ReadinessSchema = Type.Object(
  {
    status: Type.Literal('ready'),
    database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    migrations: Type.Object({ applied: Type.Integer(), pending: Type.Literal(0) }),
  },
  { description: 'Readiness: the database answers and its schema is current' },
);
export type ReadinessResponse = Type.Static<typeof ReadinessSchema>;
