import type { Criticality } from './assessment.types';

/** How much a system's business criticality (item 04) multiplies its gaps. */
export const CRITICALITY_FACTOR: Readonly<Record<Criticality, number>> = { critical: 3, important: 2, supporting: 1 };

/** The weight an item has when the organisation set none. */
export const DEFAULT_ITEM_WEIGHT = 1;

/** A gap's rank: item weight × criticality factor × 2 when its due date has passed. Higher first. */
export function rankGap(input: { weight: number; criticality: Criticality; overdue: boolean }): number {
  return input.weight * CRITICALITY_FACTOR[input.criticality] * (input.overdue ? 2 : 1);
}
