import type { Framework, NodeKind } from '../../core/catalog/catalog.types';
import type { CatalogDeps } from './catalog-deps';

export interface FrameworkSummary extends Omit<Framework, 'functionIds'> {
  readonly counts: Readonly<Partial<Record<NodeKind, number>>>;
}

/** Every framework in the catalog with how many nodes of each kind it has. */
export function listFrameworks(deps: CatalogDeps): FrameworkSummary[] {
  const counts = new Map<string, Partial<Record<NodeKind, number>>>();
  for (const node of deps.catalog.nodes.values()) {
    const perKind = counts.get(node.frameworkId) ?? {};
    perKind[node.kind] = (perKind[node.kind] ?? 0) + 1;
    counts.set(node.frameworkId, perKind);
  }
  return [...deps.catalog.frameworks.values()].map(({ functionIds: _functionIds, ...framework }) => ({
    ...framework,
    counts: counts.get(framework.id) ?? {},
  }));
}
