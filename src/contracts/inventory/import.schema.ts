import Type, { type Static } from 'typebox';

/** Query of POST /api/inventory/imports. */
export const ImportQuerySchema = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'check and count only; write nothing' })),
    validOnly: Type.Optional(
      Type.Boolean({ description: 'import the valid rows and skip the others instead of refusing the file' }),
    ),
  },
  { additionalProperties: false },
);

const ImportProblemSchema = Type.Object({
  file: Type.Optional(Type.String()),
  row: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
  field: Type.Optional(Type.String()),
  value: Type.Optional(Type.String()),
  reason: Type.String(),
  code: Type.Optional(Type.String()),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});

/** The outcome of an import (or a dry run): counts and, with validOnly, the skipped rows' problems. */
export const ImportResultSchema = Type.Object({
  importId: Type.Union([Type.String(), Type.Null()]),
  dryRun: Type.Boolean(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  encoding: Type.String(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  problems: Type.Array(ImportProblemSchema),
  problemCount: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResultSchema>;
