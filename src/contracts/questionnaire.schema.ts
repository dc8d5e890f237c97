import Type from 'typebox';

// Vendor questionnaires: the assessor's side (create, list, revoke, workbook) and the provider's
// form. The provider's link token travels only in request bodies, never in an API path or query,
// so it does not end up in access logs.

const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const QuestionnaireLanguageSchema = Type.Enum(['ja', 'en']);
export const QuestionnaireAnswerSchema = Type.Enum(['yes', 'partly', 'no', 'not_applicable', 'unknown']);
export const QuestionnaireStateSchema = Type.Enum(['open', 'submitted', 'revoked', 'expired']);

/** POST /api/assessments/:id/questionnaires */
export const CreateQuestionnaireSchema = Type.Object(
  {
    language: QuestionnaireLanguageSchema,
    providerId: Type.Optional(Type.String({ minLength: 1, description: 'a provider of the inventory' })),
    providerName: Type.Optional(Type.String({ maxLength: 200, description: 'default: the inventory provider’s name' })),
    itemIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        maxItems: 200,
        description: 'catalog item ids; default: the items tagged providerQuestion',
      }),
    ),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'default 14' })),
  },
  { additionalProperties: false },
);

export const QuestionnaireSchema = Type.Object({
  id: Type.String(),
  assessmentId: Type.String(),
  providerId: Nullable(Type.String()),
  providerName: Type.String(),
  language: QuestionnaireLanguageSchema,
  itemIds: List(Type.String()),
  expiresAt: Type.String(),
  state: QuestionnaireStateSchema,
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  answeredCount: Type.Integer(),
});
export const QuestionnaireListSchema = Type.Object({ questionnaires: List(QuestionnaireSchema) });

/** 200 of the create route: the link is shown this once; only its hash is kept. */
export const CreatedQuestionnaireSchema = Type.Object({
  questionnaire: QuestionnaireSchema,
  path: Type.String({ description: '/questionnaires/respond/<token>: give this link to the provider' }),
});

/** GET /api/assessments/:id/questionnaire-items: the items one may ask about, provider items marked. */
export const QuestionnaireItemListSchema = Type.Object({
  items: List(
    Type.Object({
      itemId: Type.String(),
      number: Type.String(),
      title: Type.Object({ ja: Type.String(), en: Type.String() }),
      providerQuestion: Type.Boolean(),
    }),
  ),
});

/** Import result: how many answers were recorded and the evidence they became. */
export const QuestionnaireImportResultSchema = Type.Object({
  answered: Type.Integer(),
  evidenceIds: List(Type.String()),
});

/** The provider's link token, in a body. */
const Token = Type.String({ minLength: 1, maxLength: 200, description: 'the token of the questionnaire link' });

export const OpenQuestionnaireResponseSchema = Type.Object({ token: Token }, { additionalProperties: false });

const ResponseAnswer = Type.Object(
  {
    itemId: Type.String({ minLength: 1 }),
    answer: Nullable(QuestionnaireAnswerSchema),
    freeText: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);

/** POST /api/questionnaire-responses/save and /submit */
export const SaveQuestionnaireResponseSchema = Type.Object(
  { token: Token, answers: Type.Array(ResponseAnswer, { maxItems: 200 }) },
  { additionalProperties: false },
);

/** What the provider's form shows. */
export const QuestionnaireFormSchema = Type.Object({
  state: QuestionnaireStateSchema,
  requestedBy: Type.String(),
  submittedAt: Nullable(Type.String()),
  document: Type.Object({
    questionnaireId: Type.String(),
    language: QuestionnaireLanguageSchema,
    title: Type.String(),
    organisationName: Type.String(),
    providerName: Type.String(),
    systemName: Type.String(),
    assessmentTitle: Type.String(),
    expiresAt: Type.String(),
    answerLabels: Type.Record(Type.String(), Type.String()),
    questions: List(
      Type.Object({
        itemId: Type.String(),
        number: Type.String(),
        question: Type.String(),
        checkPoints: List(Type.String()),
        why: Type.String(),
      }),
    ),
  }),
  answers: List(
    Type.Object({ itemId: Type.String(), answer: Nullable(QuestionnaireAnswerSchema), freeText: Type.String() }),
  ),
});

export type QuestionnaireView = Type.Static<typeof QuestionnaireSchema>;
export type CreatedQuestionnaire = Type.Static<typeof CreatedQuestionnaireSchema>;
export type QuestionnaireItemList = Type.Static<typeof QuestionnaireItemListSchema>;
export type QuestionnaireForm = Type.Static<typeof QuestionnaireFormSchema>;
export type QuestionnaireImportResult = Type.Static<typeof QuestionnaireImportResultSchema>;
export type CreateQuestionnaireBody = Type.Static<typeof CreateQuestionnaireSchema>;
