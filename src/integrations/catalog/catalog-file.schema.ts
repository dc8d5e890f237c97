import Type from 'typebox';
import {
  AUDIENCES,
  DETAIL_LEVELS,
  DOCUMENT_TYPES,
  INDUSTRIES,
  ITEM_STATUSES,
  LIFECYCLE_PHASES,
  PHASES,
  RELATIONSHIPS,
  REPRODUCTIONS,
  ROLES,
  SCOPES,
  VERIFIABLE_FACTS,
} from '../../core/catalog/catalog.types';

// Shapes of the YAML files under catalog/ (documented in catalog/README.md). Unknown keys are
// errors, so a misspelt field is reported instead of silently ignored.

const strict = { additionalProperties: false } as const;
const NonEmpty = Type.String({ minLength: 1, pattern: '\\S' });
const Text = Type.Object({ ja: NonEmpty, en: NonEmpty }, strict);
const Code = Type.String({ pattern: '^[A-Z]{2}(\\.[A-Z]{2}(-\\d{1,2})?)?$' });
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((value) => Type.Literal(value)));

const Withdrawal = Type.Object(
  {
    reason: literals(['incorporated_into', 'moved_to'] as const),
    to: Type.Array(Code),
    inferred: Type.Optional(Type.Boolean()),
  },
  strict,
);

const Subcategory = Type.Object({ code: Code, title: Text, withdrawn: Type.Optional(Withdrawal) }, strict);
const Category = Type.Object(
  { code: Code, title: Text, text: Type.Optional(Text), withdrawn: Type.Optional(Withdrawal), subcategories: Type.Optional(Type.Array(Subcategory)) },
  strict,
);
const FunctionNode = Type.Object({ code: Code, title: Text, text: Type.Optional(Text), categories: Type.Array(Category, { minItems: 1 }) }, strict);

const FrameworkId = Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$' });

export const FrameworkFileSchema = Type.Object(
  {
    id: FrameworkId,
    kind: Type.Optional(literals(['checksheet', 'csf'] as const)),
    title: Text,
    version: NonEmpty,
    edition: Text,
    publisher: Text,
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    languages: Type.Array(literals(['ja', 'en'] as const), { minItems: 2 }),
    source: Type.Object({ ja: NonEmpty, en: NonEmpty, url: Type.Optional(Type.String({ pattern: '^https://' })) }, strict),
    successor: Type.Optional(Type.String()),
    functions: Type.Array(FunctionNode, { minItems: 1 }),
  },
  strict,
);

const Item = Type.Object(
  {
    number: Type.Integer({ minimum: 1 }),
    category: Code,
    title: Text,
    checks: Type.Array(Text, { minItems: 1 }),
    explanation: Type.Object({ why: Text, consider: Text, note: Type.Optional(Text) }, strict),
    tags: Type.Object(
      {
        scope: Type.Array(literals(SCOPES), { minItems: 1 }),
        phase: Type.Array(literals(PHASES), { minItems: 1 }),
        roles: Type.Array(literals(ROLES), { minItems: 1 }),
        verifiable: Type.Array(literals(VERIFIABLE_FACTS)),
        provider_question: Type.Boolean(),
      },
      strict,
    ),
  },
  strict,
);

export const ItemFileSchema = Type.Object({ framework: NonEmpty, items: Type.Array(Item, { minItems: 1 }) }, strict);

// A guideline code: the framework's own numbering (`5.1-1`, `I.2(a)`, `CR 1.1`, `指針1`), no colon.
const GuidelineCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[^:\\s](?:[^:]*[^:\\s])?$' });
const GuidelineItem = Type.Object(
  {
    code: GuidelineCode,
    title: Text,
    text: Type.Optional(Text),
    status: Type.Optional(literals(ITEM_STATUSES)),
    condition: Type.Optional(Text),
    unconfirmed: Type.Optional(Type.Literal(true)),
    note: Type.Optional(Text),
  },
  strict,
);
const Group = Type.Object({ code: GuidelineCode, title: Text, text: Type.Optional(Text), items: Type.Array(GuidelineItem, { minItems: 1 }) }, strict);
// `date: 2017` is a number to YAML; both spellings are accepted and read as text.
const PartialDate = Type.Union([Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }), Type.Integer({ minimum: 1900, maximum: 2100 })]);

export const GuidelineFrameworkFileSchema = Type.Object(
  {
    id: FrameworkId,
    kind: Type.Literal('guideline'),
    document: Type.Optional(FrameworkId),
    title: Text,
    version: Type.Optional(NonEmpty),
    edition: Type.Optional(Text),
    publisher: Text,
    date: PartialDate,
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { minItems: 1 }),
    source: Type.Object({ ja: NonEmpty, en: NonEmpty, url: Type.Optional(Type.String({ pattern: '^https?://' })) }, strict),
    reproduction: literals(REPRODUCTIONS),
    groups: Type.Array(Group, { minItems: 1 }),
  },
  strict,
);

/** `items-*.yaml` of a guideline framework: more groups, appended in file-name order. */
export const GroupFileSchema = Type.Object({ framework: NonEmpty, groups: Type.Array(Group, { minItems: 1 }) }, strict);

const Origin = Type.Union([Type.Literal('judgement'), Type.String({ pattern: '^reference:[^\\s]+$' })]);

export const CrosswalkFileSchema = Type.Object(
  {
    source: NonEmpty,
    target: NonEmpty,
    origin: Type.Optional(Origin),
    links: Type.Array(
      Type.Object(
        {
          from: NonEmpty,
          to: NonEmpty,
          relationship: literals(RELATIONSHIPS),
          rationale: Text,
          origin: Type.Optional(Origin),
        },
        strict,
      ),
      { minItems: 1 },
    ),
    not_covered: Type.Optional(Type.Array(Type.Object({ code: NonEmpty, reason: Text }, strict))),
  },
  strict,
);

export const DocumentFileSchema = Type.Object(
  {
    id: FrameworkId,
    publisher: Text,
    title: Type.Object({ original: NonEmpty, ja: NonEmpty, en: NonEmpty }, strict),
    date: PartialDate,
    url: Type.Optional(Type.String({ pattern: '^https?://' })),
    type: literals(DOCUMENT_TYPES),
    audiences: Type.Array(literals(AUDIENCES), { minItems: 1 }),
    industries: Type.Array(literals(INDUSTRIES), { minItems: 1 }),
    phases: Type.Array(literals(LIFECYCLE_PHASES), { minItems: 1 }),
    detail: literals(DETAIL_LEVELS),
    in_handbook: Type.Boolean(),
    summary: Text,
    good_for: Type.Optional(Text),
    structure: Type.Optional(Type.Array(Type.Object({ title: Text, pages: Type.Optional(NonEmpty) }, strict))),
    frameworks: Type.Array(FrameworkId),
  },
  strict,
);

export type FrameworkFile = Type.Static<typeof FrameworkFileSchema>;
export type ItemFile = Type.Static<typeof ItemFileSchema>;
export type CrosswalkFile = Type.Static<typeof CrosswalkFileSchema>;
export type GuidelineFrameworkFile = Type.Static<typeof GuidelineFrameworkFileSchema>;
export type GroupFile = Type.Static<typeof GroupFileSchema>;
export type DocumentFile = Type.Static<typeof DocumentFileSchema>;
