import { DomainError } from '../domain-error';
import type { Catalog, CatalogNode, Crosswalk, Framework, ItemExplanation, ItemTags, LocalizedText, NodeKind, Relationship, Withdrawal } from './catalog.types';

/** A crosswalk as seen from one end: the node at the other end and how they relate. */
export interface LinkView {
  readonly id: string;
  readonly frameworkId: string;
  readonly code: string;
  readonly title: LocalizedText;
  readonly relationship: Relationship;
  readonly rationale: LocalizedText;
  readonly origin: Crosswalk['origin'];
}

/** One node with its subtree, ready to present or export. */
export interface TreeNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly explanation?: ItemExplanation;
  readonly tags?: ItemTags;
  readonly withdrawn?: Withdrawal;
  readonly status?: CatalogNode['status'];
  readonly condition?: LocalizedText;
  readonly unconfirmed?: boolean;
  readonly note?: LocalizedText;
  /** Links to CSF 2.0 (for checksheet items and CSF 1.1 elements). */
  readonly csf20?: readonly LinkView[];
  readonly children: readonly TreeNode[];
}

export interface FrameworkTree {
  readonly framework: Framework;
  readonly functions: readonly TreeNode[];
}

export const CSF20_ID = 'nist-csf-2.0';

/** Finds a framework or throws FRAMEWORK_NOT_FOUND. */
export function requireFramework(catalog: Catalog, frameworkId: string): Framework {
  const framework = catalog.frameworks.get(frameworkId);
  if (!framework) throw new DomainError('FRAMEWORK_NOT_FOUND', `No framework "${frameworkId}". Known: ${[...catalog.frameworks.keys()].join(', ')}.`);
  return framework;
}

/** Finds a node or throws CATALOG_NODE_NOT_FOUND. */
export function requireNode(catalog: Catalog, id: string): CatalogNode {
  const node = catalog.nodes.get(id);
  if (!node) throw new DomainError('CATALOG_NODE_NOT_FOUND', `No catalog node "${id}".`);
  return node;
}

/** The view of a link from `fromId`'s side (outgoing) or target side (incoming). */
export function linkViews(catalog: Catalog, links: readonly Crosswalk[], direction: 'outgoing' | 'incoming'): LinkView[] {
  return links.flatMap((link) => {
    const other = catalog.nodes.get(direction === 'outgoing' ? link.targetId : link.sourceId);
    return other
      ? [{ id: other.id, frameworkId: other.frameworkId, code: other.code, title: other.title, relationship: link.relationship, rationale: link.rationale, origin: link.origin }]
      : [];
  });
}

/** The whole tree of a framework: functions → categories → items → checks (or subcategories), or groups → items. */
export function buildFrameworkTree(catalog: Catalog, frameworkId: string): FrameworkTree {
  const framework = requireFramework(catalog, frameworkId);
  const toTree = (node: CatalogNode): TreeNode => {
    const csf20 =
      node.frameworkId !== CSF20_ID && (node.kind === 'item' || node.kind === 'category' || node.kind === 'subcategory')
        ? linkViews(catalog, catalog.crosswalksFrom.get(node.id) ?? [], 'outgoing').filter((link) => link.frameworkId === CSF20_ID)
        : undefined;
    return {
      id: node.id,
      kind: node.kind,
      code: node.code,
      title: node.title,
      ...(node.text ? { text: node.text } : {}),
      ...(node.explanation ? { explanation: node.explanation } : {}),
      ...(node.tags ? { tags: node.tags } : {}),
      ...(node.withdrawn ? { withdrawn: node.withdrawn } : {}),
      ...(node.status ? { status: node.status } : {}),
      ...(node.condition ? { condition: node.condition } : {}),
      ...(node.unconfirmed ? { unconfirmed: true } : {}),
      ...(node.note ? { note: node.note } : {}),
      ...(csf20 && csf20.length > 0 ? { csf20 } : {}),
      children: node.childIds.map((id) => toTree(requireNode(catalog, id))),
    };
  };
  return { framework, functions: framework.functionIds.map((id) => toTree(requireNode(catalog, id))) };
}
