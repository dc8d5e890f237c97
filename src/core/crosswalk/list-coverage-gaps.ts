import type { Catalog, ItemStatus, LocalizedText } from '../catalog/catalog.types';
import type { CoverageStatus, InferredItem } from './infer-coverage';

/** A target item that is not (or not known to be) met, and the checksheet items to work on. */
export interface CoverageGap {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: Exclude<CoverageStatus, 'implemented' | 'not_applicable'>;
  readonly itemStatus?: ItemStatus;
  /** Checksheet item codes whose answer holds the target back (not implemented, partial or unanswered). */
  readonly workOn: readonly string[];
  readonly notCoveredReason?: LocalizedText;
}

const ITEM_STATUS_ORDER: Readonly<Record<ItemStatus | 'none', number>> = {
  mandatory: 0,
  conditional: 1,
  recommended: 2,
  none: 3,
};

/**
 * The gaps of an inferred coverage: every item that is not covered, not implemented, partial or
 * unknown. Mandatory items first, then conditional, recommended and unstated; within each, the
 * framework's order. `related` sources are never listed to work on: they cannot raise a status.
 */
export function listCoverageGaps(
  catalog: Catalog,
  frameworkId: string,
  inferred: readonly InferredItem[],
): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const item of inferred) {
    if (item.status === 'implemented' || item.status === 'not_applicable') continue;
    const node = catalog.nodes.get(`${frameworkId}:${item.id}`);
    const workOn = item.sources
      .filter(
        (source) =>
          source.relationship !== 'related' && source.result !== 'implemented' && source.result !== 'not_applicable',
      )
      .map((source) => source.item);
    gaps.push({
      id: item.id,
      title: node?.title ?? { ja: item.id, en: item.id },
      status: item.status,
      ...(node?.status ? { itemStatus: node.status } : {}),
      workOn: [...new Set(workOn)],
      ...(item.notCoveredReason ? { notCoveredReason: item.notCoveredReason } : {}),
    });
  }
  return gaps
    .map((gap, index) => ({ gap, index }))
    .sort(
      (a, b) =>
        ITEM_STATUS_ORDER[a.gap.itemStatus ?? 'none'] - ITEM_STATUS_ORDER[b.gap.itemStatus ?? 'none'] ||
        a.index - b.index,
    )
    .map(({ gap }) => gap);
}
