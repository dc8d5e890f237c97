import Type from 'typebox';
import { ENCRYPTION_STATES } from '../../core/inventory/data-flow.types';
import { DATA_CLASSES } from '../../core/inventory/device.types';
import { List, Nullable, optionalProperties, Text, Version } from './record-parts.schema';

// Data flows (from → to, protocol, port, data, encryption, internet, border): /api/inventory/data-flows.

/** The data classes a flow may carry (the device data classes), for forms. */
export const FLOW_DATA_CLASSES: readonly (typeof DATA_CLASSES)[number][] = DATA_CLASSES;

export const FlowEndSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('device'), id: Type.String({ pattern: '^\\d{1,15}$', description: 'device id' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('system'), id: Type.String({ minLength: 1, maxLength: 100 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('external'),
      name: Type.String({ minLength: 1, maxLength: 200, description: 'the party or cloud service' }),
      country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. JP' }),
    },
    { additionalProperties: false },
  ),
]);

const flowProperties = {
  systemId: Nullable(Type.String({ maxLength: 100 })),
  from: FlowEndSchema,
  to: FlowEndSchema,
  protocol: Type.String({ minLength: 1, maxLength: 50 }),
  port: Nullable(Type.Integer({ minimum: 1, maximum: 65535 })),
  dataClasses: List(Type.Enum([...DATA_CLASSES]), { maxItems: DATA_CLASSES.length }),
  encrypted: Type.Enum([...ENCRYPTION_STATES]),
  crossesInternet: Type.Boolean(),
  crossesBorder: Type.Boolean({ description: 'default: the ends are in different countries' }),
  description: Text(4000),
};

export const DataFlowInputSchema = Type.Object(
  {
    ...optionalProperties(flowProperties),
    from: flowProperties.from,
    to: flowProperties.to,
    protocol: flowProperties.protocol,
  },
  { additionalProperties: false },
);
export const DataFlowUpdateSchema = Type.Object(
  { ...optionalProperties(flowProperties), version: Version },
  { additionalProperties: false },
);
export const DataFlowSchema = Type.Object({
  id: Type.String(),
  ...flowProperties,
  fromLabel: Type.String(),
  toLabel: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const DataFlowListSchema = Type.Object({ flows: List(DataFlowSchema) });
export const DataFlowListQuerySchema = Type.Object(
  { systemId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export type FlowEndBody = Type.Static<typeof FlowEndSchema>;
export type DataFlowInputBody = Type.Static<typeof DataFlowInputSchema>;
export type DataFlowUpdateBody = Type.Static<typeof DataFlowUpdateSchema>;
export type DataFlowView = Type.Static<typeof DataFlowSchema>;
