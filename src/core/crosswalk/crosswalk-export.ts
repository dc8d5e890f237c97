import { requireFramework } from '../catalog/framework-tree';
import type { Catalog, CrosswalkOrigin, LocalizedText, Relationship } from '../catalog/catalog.types';

/** The links from one framework to another, by code, as `crosswalk export` gives them. */
export interface CrosswalkExport {
  readonly from: string;
  readonly to: string;
  readonly links: readonly {
    readonly source: string;
    readonly target: string;
    readonly relationship: Relationship;
    readonly rationale: LocalizedText;
    readonly origin: CrosswalkOrigin;
  }[];
  /** Target items declared not covered by the source framework, with why. */
  readonly notCovered: readonly { readonly target: string; readonly reason: LocalizedText }[];
}

/** Every link from `from` to `to` in source order (then target order); FRAMEWORK_NOT_FOUND for an unknown id. */
export function buildCrosswalkExport(catalog: Catalog, from: string, to: string): CrosswalkExport {
  requireFramework(catalog, from);
  requireFramework(catalog, to);
  const codeOf = (id: string, frameworkId: string) => id.slice(frameworkId.length + 1);
  const order = new Map([...catalog.nodes.keys()].map((id, index) => [id, index]));
  const links = catalog.crosswalks
    .filter((link) => link.sourceId.startsWith(`${from}:`) && link.targetId.startsWith(`${to}:`))
    .sort(
      (a, b) =>
        (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) ||
        (order.get(a.targetId) ?? 0) - (order.get(b.targetId) ?? 0),
    )
    .map((link) => ({
      source: codeOf(link.sourceId, from),
      target: codeOf(link.targetId, to),
      relationship: link.relationship,
      rationale: link.rationale,
      origin: link.origin,
    }));
  const notCovered = catalog.notCovered
    .filter((entry) => entry.sourceFrameworkId === from && entry.targetId.startsWith(`${to}:`))
    .map((entry) => ({ target: codeOf(entry.targetId, to), reason: entry.reason }));
  return { from, to, links, notCovered };
}
