import type { Actor } from '../../core/auth/actor';
import { inventoryFacts, STALE_AFTER_DAYS, type InventoryFact } from '../../core/inventory/inventory-facts';
import { countSystemInventory } from '../../db/inventory/inventory-facts.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessments/require-assessment';
import type { InventoryDeps } from './inventory-deps';

/** The inventory facts of an assessment: the day they were counted on and one entry per item and fact. */
export interface AssessmentInventoryFacts {
  readonly systemId: string;
  readonly asOf: string;
  readonly staleAfterDays: number;
  readonly facts: readonly InventoryFact[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Counts, for an assessment of a system, the inventory facts of the checksheet items about the
 * inventory (jssec-v2 items 02, 36, 40, 41) from the devices linked to the system and its flows.
 * Another framework's assessment has no such items and gets no facts. NOT_FOUND for another
 * organisation's assessment.
 */
export async function getAssessmentInventoryFacts(
  deps: InventoryDeps,
  input: { actor: Actor; assessmentId: string },
): Promise<AssessmentInventoryFacts> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const now = deps.clock();
  const base = { systemId: assessment.systemId, asOf: day(now), staleAfterDays: STALE_AFTER_DAYS };
  if (assessment.frameworkId !== 'jssec-v2') return { ...base, facts: [] };
  const yearAhead = new Date(now);
  yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const counts = await countSystemInventory(db, organisationId, assessment.systemId, {
    today: day(now),
    yearAhead: day(yearAhead),
    firmwareBefore: day(staleBefore),
    recordBefore: staleBefore.toISOString(),
  });
  return { ...base, facts: inventoryFacts(counts) };
}
