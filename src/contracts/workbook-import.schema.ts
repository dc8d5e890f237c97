import Type, { type Static } from 'typebox';

/** The text fields of POST /api/assessments/:id/workbook-imports besides the file. */
export const WorkbookImportFieldsSchema = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'check and list; write nothing' }),
    ),
  },
  { additionalProperties: false },
);

const WorkbookChangeSchema = Type.Object({
  itemId: Type.String(),
  number: Type.String({ description: 'the item No. as the checksheet shows it' }),
  field: Type.Union([Type.Literal('result'), Type.Literal('comment')]),
  before: Type.String({ description: 'results as codes (implemented, partial, …)' }),
  after: Type.String(),
});

/** What a workbook import changed, or on a dry run would change. */
export const WorkbookImportResultSchema = Type.Object({
  assessmentId: Type.String(),
  changes: Type.Array(WorkbookChangeSchema),
  applied: Type.Boolean(),
});
export type WorkbookImportResult = Static<typeof WorkbookImportResultSchema>;
export type WorkbookChange = Static<typeof WorkbookChangeSchema>;
