import Type from 'typebox';

/** RFC 9457 problem body returned for every error, with our stable string `code`. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI naming the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable error code, e.g. NOT_FOUND' }),
    detail: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          file: Type.Optional(Type.String()),
          path: Type.Optional(Type.String()),
          row: Type.Optional(Type.Integer()),
          column: Type.Optional(Type.Integer()),
          field: Type.Optional(Type.String()),
          reason: Type.String({ description: 'why, in English' }),
          code: Type.Optional(Type.String({ description: 'stable reason code, e.g. blank, end_before_start' })),
          params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        }),
      ),
    ),
  },
  { description: 'RFC 9457 problem details' },
);
export type Problem = Type.Static<typeof ProblemSchema>;
