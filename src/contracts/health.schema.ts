import Type from 'typebox';

export const HealthSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    version: Type.String(),
    database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    migrations: Type.Object({ applied: Type.Integer(), pending: Type.Integer() }),
  },
  { description: 'Server health' },
);
export type HealthResponse = Type.Static<typeof HealthSchema>;
