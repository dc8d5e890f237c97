import Type from 'typebox';
import { PHASES, RELATIONSHIPS, ROLES, SCOPES, VERIFIABLE_FACTS } from '../../core/catalog/catalog.types';

// Shapes of the YAML files under catalog/ (documented in catalog/README.md). Unknown keys are
// errors, so a misspelt field is reported instead of silently ignored.

const strict = { additionalProperties: false } as const;
const NonEmpty = Type.String({ minLength: 1, pattern: '\\S' });
const Text = Type.Object({ ja: NonEmpty, en: NonEmpty }, strict);
const Code = Type.String({ pattern: '^[A-Z]{2}(\\.[A-Z]{2}(-\\d{1,2})?)?$' });
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((value) => Type.Literal(value)));

const Supersession = Type.Object(
  {
    reason: literals(['incorporated_into', 'moved_to'] as const),
    to: Type.Array(Code),
    inferred: Type.Optional(Type.Boolean()),
  },
  strict,
);

const Subcategory = Type.Object({ code: Code, title: Text, superseded: Type.Optional(Supersession) }, strict);
const Category = Type.Object(
  { code: Code, title: Text, text: Type.Optional(Text), superseded: Type.Optional(Supersession), subcategories: Type.Optional(Type.Array(Subcategory)) },
  strict,
);
const FunctionNode = Type.Object({ code: Code, title: Text, text: Type.Optional(Text), categories: Type.Array(Category, { minItems: 1 }) }, strict);

export const FrameworkFileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$' }),
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

export const CrosswalkFileSchema = Type.Object(
  {
    source: NonEmpty,
    target: NonEmpty,
    links: Type.Array(
      Type.Object({ from: NonEmpty, to: NonEmpty, relationship: literals(RELATIONSHIPS), rationale: Text }, strict),
      { minItems: 1 },
    ),
  },
  strict,
);

export type FrameworkFile = Type.Static<typeof FrameworkFileSchema>;
export type ItemFile = Type.Static<typeof ItemFileSchema>;
export type CrosswalkFile = Type.Static<typeof CrosswalkFileSchema>;
