import Type from 'typebox';

// Small schema parts shared by the provider, stakeholder, data-flow and settings contracts.

export const List = <T extends Type.TSchema>(items: T, options: { maxItems?: number } = {}) =>
  Type.Immutable(Type.Array(items, options));
export const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Text = (max: number) => Type.String({ maxLength: max });
export const Version = Type.Integer({
  minimum: 0,
  description: 'the version you edited; a stale one gets 409 with the current record',
});

/** Query of a DELETE of a versioned inventory record. */
export const VersionQuerySchema = Type.Object(
  { version: Type.Integer({ description: 'the version you saw; a stale one gets 409' }) },
  { additionalProperties: false },
);
/** A path with one id. */
export const IdParamsSchema = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** Every schema property made optional (for PATCH bodies), keeping the object closed. */
export function optionalProperties<P extends Type.TProperties>(
  properties: P,
): { [K in keyof P]: Type.TOptional<P[K]> } {
  return Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
    [K in keyof P]: Type.TOptional<P[K]>;
  };
}
