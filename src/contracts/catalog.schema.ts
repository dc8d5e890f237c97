import Type from 'typebox';

// Response and query shapes of /api/catalog/*. Shared by server (validation, OpenAPI) and web (types).

/** An array the server never mutates; lets readonly domain arrays be returned as they are. */
const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));

export const TextSchema = Type.Object({ ja: Type.String(), en: Type.String() });
const Kind = Type.Enum(['function', 'category', 'item', 'check', 'subcategory', 'group']);
const Relationship = Type.Enum(['equal', 'subset', 'superset', 'intersect', 'related']);

export const LinkSchema = Type.Object({
  id: Type.String(),
  frameworkId: Type.String(),
  code: Type.String(),
  title: TextSchema,
  relationship: Relationship,
  rationale: TextSchema,
  origin: Type.String({ description: 'authored | lineage | judgement | reference:<path under shared/reference>' }),
});

const ExplanationSchema = Type.Object({ why: TextSchema, consider: TextSchema, note: Type.Optional(TextSchema) });
const TagsSchema = Type.Object({
  scope: List(Type.String()),
  phase: List(Type.String()),
  roles: List(Type.String()),
  verifiable: List(Type.String()),
  providerQuestion: Type.Boolean(),
});
/** Where a CSF 1.1 element went in CSF 2.0; the element stays answerable in 1.1. */
const SupersededSchema = Type.Object({
  reason: Type.Union([Type.Literal('incorporated_into'), Type.Literal('moved_to')]),
  to: List(Type.String()),
  inferred: Type.Boolean(),
});

const nodeFields = {
  id: Type.String(),
  kind: Kind,
  code: Type.String(),
  title: TextSchema,
  text: Type.Optional(TextSchema),
  explanation: Type.Optional(ExplanationSchema),
  tags: Type.Optional(TagsSchema),
  superseded: Type.Optional(SupersededSchema),
  status: Type.Optional(Type.Enum(['mandatory', 'recommended', 'conditional'])),
  condition: Type.Optional(TextSchema),
  unconfirmed: Type.Optional(Type.Boolean()),
  note: Type.Optional(TextSchema),
  csf20: Type.Optional(List(LinkSchema)),
};
const treeLevel = <T extends Type.TSchema>(children: T) => Type.Object({ ...nodeFields, children: List(children) });
const LeafSchema = treeLevel(Type.Object({}));
const ItemLevel = treeLevel(LeafSchema);
const CategoryLevel = treeLevel(ItemLevel);
export const TreeFunctionSchema = treeLevel(CategoryLevel);

const frameworkFields = {
  id: Type.String(),
  kind: Type.Enum(['checksheet', 'csf', 'guideline']),
  title: TextSchema,
  version: Type.String(),
  edition: Type.Optional(TextSchema),
  publisher: TextSchema,
  date: Type.String(),
  languages: List(Type.String()),
  source: Type.Object({ ja: Type.String(), en: Type.String(), url: Type.Optional(Type.String()) }),
  contentHash: Type.String({ description: 'sha256 of the framework content; assessments record it' }),
  document: Type.Optional(Type.String({ description: 'guidelines: id of the document it is built from' })),
  reproduction: Type.Optional(Type.Enum(['full', 'summary'])),
};

export const FrameworkSummarySchema = Type.Object({
  ...frameworkFields,
  counts: Type.Record(Type.String(), Type.Integer()),
});
export const FrameworkListSchema = Type.Object({ frameworks: List(FrameworkSummarySchema) });

export const FrameworkTreeSchema = Type.Object({
  framework: Type.Object({ ...frameworkFields, functionIds: List(Type.String()) }),
  functions: List(TreeFunctionSchema),
});

const NodeSummarySchema = Type.Object({ id: Type.String(), kind: Kind, code: Type.String(), title: TextSchema });

export const CatalogNodeViewSchema = Type.Object({
  node: Type.Object({
    ...nodeFields,
    frameworkId: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    order: Type.Integer(),
  }),
  ancestors: List(NodeSummarySchema),
  children: List(NodeSummarySchema),
  crosswalks: Type.Object({ outgoing: List(LinkSchema), incoming: List(LinkSchema) }),
});

export const LanguageSchema = Type.Union([Type.Literal('ja'), Type.Literal('en')]);

export const SearchQuerySchema = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'ids or words, ja or en; width, case and kana are folded',
  }),
  lang: Type.Optional({
    ...LanguageSchema,
    description: 'language of the snippets (default ja); both languages are always searched and titles returned',
  }),
  framework: Type.Optional(Type.String({ description: 'limit to one framework id' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const SearchResultSchema = Type.Object({
  query: Type.String(),
  results: List(
    Type.Object({
      ...NodeSummarySchema.properties,
      frameworkId: Type.String(),
      path: List(Type.String()),
      matchedIn: Type.String(),
      score: Type.Number(),
      snippet: Type.Optional(
        Type.Object({
          text: Type.String(),
          highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
            description: '[start, end) UTF-16 offsets into text',
          }),
        }),
      ),
    }),
  ),
});

export const ExportQuerySchema = Type.Object({
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('yaml'), Type.Literal('oscal')]),
  ),
  lang: Type.Optional(LanguageSchema),
});

export type CatalogText = Type.Static<typeof TextSchema>;
export type CatalogLink = Type.Static<typeof LinkSchema>;
export type FrameworkList = Type.Static<typeof FrameworkListSchema>;
export type FrameworkTreeResponse = Type.Static<typeof FrameworkTreeSchema>;
export type TreeFunction = Type.Static<typeof TreeFunctionSchema>;
export type CatalogNodeView = Type.Static<typeof CatalogNodeViewSchema>;
export type SearchResponse = Type.Static<typeof SearchResultSchema>;
