import Type from 'typebox';

/** PUT /api/systems/:id/devices — devices to add to and remove from the system. */
export const SystemDevicesChangeSchema = Type.Object(
  {
    add: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 10_000 })),
    remove: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 10_000 })),
  },
  { additionalProperties: false },
);

export const SystemDevicesChangedSchema = Type.Object({ added: Type.Integer(), removed: Type.Integer() });
