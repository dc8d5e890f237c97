import Type from 'typebox';
import { List } from './record-parts.schema';

// Inventory facts of an assessment: GET /api/assessments/:id/inventory-facts.

export const InventoryFactSchema = Type.Object({
  itemId: Type.String({ description: 'e.g. jssec-v2:36' }),
  key: Type.String({ description: 'which count, e.g. supportEnded' }),
  count: Type.Integer(),
  total: Type.Integer({ description: 'devices in service linked to the system, or the system’s flows' }),
  concern: Type.Boolean({ description: 'a non-zero count that is a gap' }),
});
export const InventoryFactsSchema = Type.Object({
  systemId: Type.String(),
  asOf: Type.String({ description: 'the day counted on (YYYY-MM-DD)' }),
  staleAfterDays: Type.Integer(),
  facts: List(InventoryFactSchema),
});

export type InventoryFactView = Type.Static<typeof InventoryFactSchema>;
export type InventoryFactsView = Type.Static<typeof InventoryFactsSchema>;
