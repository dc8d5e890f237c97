import Type from 'typebox';

/** A saved device-list query (the list's query string); shared views are the organisation's. */
export const SavedViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: Type.String(),
  shared: Type.Boolean(),
});

export const SavedViewListSchema = Type.Object({ views: Type.Array(SavedViewSchema) });

export const SavedViewInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    query: Type.String({ maxLength: 4000, description: 'the device list query string, e.g. manufacturer=A&sort=name' }),
    shared: Type.Optional(Type.Boolean({ description: 'visible to everyone in the organisation (default: only you)' })),
  },
  { additionalProperties: false },
);
