import type { AnswerResult } from '../assessment/assessment.types';
import type { Catalog, CatalogNode, LocalizedText, Relationship } from '../catalog/catalog.types';

/**
 * What an assessment of the checksheet implies for one item of another framework.
 * `unknown`: linked, but nothing can be concluded (unanswered sources, or only `related` links);
 * `not_covered`: no link from the checksheet at all.
 */
export const COVERAGE_STATUSES = [
  'implemented',
  'partial',
  'not_implemented',
  'not_applicable',
  'unknown',
  'not_covered',
] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** One checksheet item behind an inferred status: its code, its result and how it relates. */
export interface CoverageSource {
  readonly item: string;
  readonly result: AnswerResult;
  readonly relationship: Relationship;
}

export interface InferredItem {
  /** The target item's code (`S1.1-01`, `GV.OC-01`). */
  readonly id: string;
  readonly status: CoverageStatus;
  /** Every link into the item, `related` ones included, in checksheet order. */
  readonly sources: readonly CoverageSource[];
  /** When the crosswalk declares the item not covered: why. */
  readonly notCoveredReason?: LocalizedText;
}

// From the most restrictive to the least. `unknown` sits above `not_implemented`: an unanswered
// source cannot lower a status that another source proves missing, but it stops any claim above it.
const RANK: Readonly<Record<'not_implemented' | 'unknown' | 'partial' | 'implemented', number>> = {
  not_implemented: 0,
  unknown: 1,
  partial: 2,
  implemented: 3,
};
type Ranked = keyof typeof RANK;

/**
 * What one link says about its target, or `excluded` when it says nothing either way.
 * - equal / superset carry the result over (the checksheet asks at least as much);
 * - subset / intersect cap it at partial (the checksheet asks only part of the target);
 * - related says nothing (same topic only) — it is listed as a source but never sets a status;
 * - unanswered → unknown; not_applicable → excluded (see inferItem).
 */
export function contributionOf(result: AnswerResult, relationship: Relationship): Ranked | 'excluded' {
  if (relationship === 'related' || result === 'not_applicable') return 'excluded';
  if (result === 'unanswered') return 'unknown';
  if (relationship === 'subset' || relationship === 'intersect') return result === 'implemented' ? 'partial' : result;
  return result;
}

/**
 * Combines the sources of one target item:
 * - no link at all → not_covered;
 * - otherwise the most restrictive contribution of the non-excluded sources;
 * - when every source is excluded: not_applicable if some equal/superset source is not
 *   applicable (the whole target then does not apply) and no other source is, else unknown
 *   (related links only, or a not-applicable subset/intersect that leaves the rest open).
 */
export function inferItem(sources: readonly CoverageSource[]): CoverageStatus {
  if (sources.length === 0) return 'not_covered';
  let status: Ranked | undefined;
  for (const source of sources) {
    const contribution = contributionOf(source.result, source.relationship);
    if (contribution === 'excluded') continue;
    if (status === undefined || RANK[contribution] < RANK[status]) status = contribution;
  }
  if (status !== undefined) return status;
  const wholeNotApplicable = sources.some(
    (source) =>
      source.result === 'not_applicable' && (source.relationship === 'equal' || source.relationship === 'superset'),
  );
  const partlyNotApplicable = sources.some(
    (source) =>
      source.result === 'not_applicable' && (source.relationship === 'subset' || source.relationship === 'intersect'),
  );
  return wholeNotApplicable && !partlyNotApplicable ? 'not_applicable' : 'unknown';
}

/** The assessable items of a framework in its order: guideline items, CSF subcategories (withdrawn left out), checksheet items. */
export function listTargetItems(catalog: Catalog, frameworkId: string): CatalogNode[] {
  const framework = catalog.frameworks.get(frameworkId);
  if (!framework) return [];
  const items: CatalogNode[] = [];
  const visit = (id: string): void => {
    const node = catalog.nodes.get(id);
    if (!node) return;
    if ((node.kind === 'item' || node.kind === 'subcategory') && !node.withdrawn) items.push(node);
    else node.childIds.forEach(visit);
  };
  framework.functionIds.forEach(visit);
  return items;
}

/**
 * The implied status of every item of `targetFrameworkId` from the results of an assessment of
 * `sourceFrameworkId` (keyed by item code, `25`; a missing code counts as unanswered). Only
 * links that end at the target item itself count (a CSF 1.1 link to a category does not spread
 * to its subcategories). Pure: the same inputs always give the same list.
 */
export function inferCoverage(
  catalog: Catalog,
  input: { sourceFrameworkId: string; targetFrameworkId: string; results: ReadonlyMap<string, AnswerResult> },
): InferredItem[] {
  const prefix = `${input.sourceFrameworkId}:`;
  const declared = new Map(
    catalog.notCovered
      .filter((entry) => entry.sourceFrameworkId === input.sourceFrameworkId)
      .map((entry) => [entry.targetId, entry.reason]),
  );
  return listTargetItems(catalog, input.targetFrameworkId).map((target) => {
    const sources = (catalog.crosswalksTo.get(target.id) ?? [])
      .filter((link) => link.sourceId.startsWith(prefix))
      .map((link) => {
        const item = link.sourceId.slice(prefix.length);
        return { item, result: input.results.get(item) ?? 'unanswered', relationship: link.relationship };
      })
      .sort((a, b) => compareCodes(a.item, b.item) || a.relationship.localeCompare(b.relationship));
    const reason = declared.get(target.id);
    return {
      id: target.code,
      status: inferItem(sources),
      sources,
      ...(reason && sources.length === 0 ? { notCoveredReason: reason } : {}),
    };
  });
}

function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
