import type { CatalogNode, LocalizedText, NodeKind } from '../../core/catalog/catalog.types';
import { linkViews, requireNode, type LinkView } from '../../core/catalog/framework-tree';
import type { CatalogDeps } from './catalog-deps';

export interface NodeSummary {
  readonly id: string;
  readonly kind: NodeKind;
  readonly code: string;
  readonly title: LocalizedText;
}

export interface CatalogNodeView {
  readonly node: Omit<CatalogNode, 'childIds'>;
  readonly ancestors: readonly NodeSummary[];
  readonly children: readonly NodeSummary[];
  readonly crosswalks: { readonly outgoing: readonly LinkView[]; readonly incoming: readonly LinkView[] };
}

const summarize = (node: CatalogNode): NodeSummary => ({
  id: node.id,
  kind: node.kind,
  code: node.code,
  title: node.title,
});

/** One node with its ancestors, children and crosswalks both ways; CATALOG_NODE_NOT_FOUND otherwise. */
export function getCatalogNode(deps: CatalogDeps, options: { id: string }): CatalogNodeView {
  const { catalog } = deps;
  const { childIds: _childIds, ...node } = requireNode(catalog, options.id);
  const ancestors: NodeSummary[] = [];
  for (let parentId = node.parentId; parentId;) {
    const parent = requireNode(catalog, parentId);
    ancestors.unshift(summarize(parent));
    parentId = parent.parentId;
  }
  return {
    node,
    ancestors,
    children: _childIds.map((id) => summarize(requireNode(catalog, id))),
    crosswalks: {
      outgoing: linkViews(catalog, catalog.crosswalksFrom.get(node.id) ?? [], 'outgoing'),
      incoming: linkViews(catalog, catalog.crosswalksTo.get(node.id) ?? [], 'incoming'),
    },
  };
}
