import Type from 'typebox';
import { ExpectedVersion, Moment, Nullable } from './incident-parts.schema';

// Playbooks per system: /api/playbooks (issue 15; items 38, 49–52, 60) and drills started from them.

const Bilingual = (max: number) =>
  Type.Object(
    { ja: Type.String({ maxLength: max }), en: Type.String({ maxLength: max }) },
    { additionalProperties: false },
  );
const ChecklistItems = Type.Array(Bilingual(1000), { maxItems: 100 });

export const PlaybookStepSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    ownerStakeholderId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    expectedMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
  },
  { additionalProperties: false },
);

const playbookProperties = {
  systemId: Type.String({ minLength: 1, maxLength: 100 }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  steps: Type.Array(PlaybookStepSchema, { maxItems: 100 }),
  contactIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100, uniqueItems: true })),
  firstReportTemplate: Type.Optional(Bilingual(20000)),
  checklists: Type.Optional(
    Type.Object(
      {
        regulator: Type.Optional(ChecklistItems),
        customer: Type.Optional(ChecklistItems),
        ipa_jpcert: Type.Optional(ChecklistItems),
      },
      { additionalProperties: false },
    ),
  ),
};

/** POST /api/playbooks */
export const PlaybookInputSchema = Type.Object(playbookProperties, { additionalProperties: false });
/** PUT /api/playbooks/:id — the whole playbook again, with the version it was edited from. */
export const PlaybookReplaceSchema = Type.Object(
  { ...playbookProperties, expectedVersion: ExpectedVersion },
  { additionalProperties: false },
);
/** DELETE /api/playbooks/:id?version=N */
export const PlaybookDeleteQuerySchema = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'the version you saw; a stale one gets 409' }) },
  { additionalProperties: false },
);
export const PlaybookListQuerySchema = Type.Object(
  { systemId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

/** A contact of a playbook with the deputy from its stakeholder record. */
export const PlaybookContactSchema = Type.Object({
  id: Type.String(),
  role: Type.String(),
  name: Type.String(),
  contact: Type.String(),
  deputyName: Type.String(),
  deputyContact: Type.String(),
});

const BilingualView = Type.Object({ ja: Type.String(), en: Type.String() });
export const PlaybookSchema = Type.Object({
  id: Type.String(),
  systemId: Type.String(),
  title: Type.String(),
  steps: Type.Array(
    Type.Object({
      title: Type.String(),
      ownerStakeholderId: Nullable(Type.String()),
      expectedMinutes: Nullable(Type.Integer()),
    }),
  ),
  contactIds: Type.Array(Type.String()),
  contacts: Type.Array(PlaybookContactSchema),
  firstReportTemplate: BilingualView,
  checklists: Type.Object({
    regulator: Type.Array(BilingualView),
    customer: Type.Array(BilingualView),
    ipa_jpcert: Type.Array(BilingualView),
  }),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const PlaybookListSchema = Type.Object({ playbooks: Type.Array(PlaybookSchema) });

/** POST /api/playbooks/:id/drills — a drill incident; title defaults to "Drill: <playbook title>". */
export const DrillStartSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    detectedAt: Type.Optional(Moment),
  },
  { additionalProperties: false },
);

export type PlaybookInputBody = Type.Static<typeof PlaybookInputSchema>;
export type PlaybookView = Type.Static<typeof PlaybookSchema>;
