import type { CatalogNode, CrosswalkOrigin, Framework, GuidelineDocument, LocalizedText, Relationship } from '../../core/catalog/catalog.types';
import { DomainError } from '../../core/domain-error';
import type { CatalogDeps } from './catalog-deps';

/** A checksheet item linked to a guideline item. */
export interface ChecksheetLink {
  readonly id: string;
  readonly code: string;
  readonly title: LocalizedText;
  readonly relationship: Relationship;
  readonly rationale: LocalizedText;
  readonly origin: CrosswalkOrigin;
}

export interface GuidelineItemView extends Pick<CatalogNode, 'id' | 'code' | 'title' | 'text' | 'status' | 'condition' | 'unconfirmed' | 'note'> {
  readonly links: readonly ChecksheetLink[];
  readonly notCoveredReason?: LocalizedText;
}

export interface GuidelineDocumentView {
  readonly document: GuidelineDocument;
  readonly frameworks: readonly {
    readonly framework: Omit<Framework, 'functionIds'>;
    readonly groups: readonly { readonly id: string; readonly code: string; readonly title: LocalizedText; readonly items: readonly GuidelineItemView[] }[];
  }[];
}

export const CHECKSHEET_ID = 'jssec-v2';

/** A document with its frameworks' groups and items, each item with the checksheet items linked to it; NOT_FOUND otherwise. */
export function getGuidelineDocument(deps: CatalogDeps, options: { id: string }): GuidelineDocumentView {
  const { catalog } = deps;
  const document = catalog.documents.get(options.id);
  if (!document) throw new DomainError('NOT_FOUND', `No guideline document "${options.id}".`, [{ field: 'id', reason: 'unknown' }]);
  const notCovered = new Map(catalog.notCovered.filter((entry) => entry.sourceFrameworkId === CHECKSHEET_ID).map((entry) => [entry.targetId, entry.reason]));
  const node = (id: string) => catalog.nodes.get(id);
  const itemView = (item: CatalogNode): GuidelineItemView => {
    const links = (catalog.crosswalksTo.get(item.id) ?? []).flatMap((link) => {
      const source = node(link.sourceId);
      return source?.frameworkId === CHECKSHEET_ID
        ? [{ id: source.id, code: source.code, title: source.title, relationship: link.relationship, rationale: link.rationale, origin: link.origin }]
        : [];
    });
    links.sort((a, b) => Number(a.code) - Number(b.code));
    const reason = notCovered.get(item.id);
    const { id, code, title, text, status, condition, unconfirmed, note } = item;
    return {
      id,
      code,
      title,
      ...(text ? { text } : {}),
      ...(status ? { status } : {}),
      ...(condition ? { condition } : {}),
      ...(unconfirmed ? { unconfirmed } : {}),
      ...(note ? { note } : {}),
      links,
      ...(reason ? { notCoveredReason: reason } : {}),
    };
  };
  return {
    document,
    frameworks: document.frameworks.flatMap((frameworkId) => {
      const found = catalog.frameworks.get(frameworkId);
      if (!found) return [];
      const { functionIds, ...framework } = found;
      const groups = functionIds.flatMap((groupId) => {
        const group = node(groupId);
        if (!group) return [];
        const items = group.childIds.map(node).filter((child): child is CatalogNode => child?.kind === 'item');
        return [{ id: group.id, code: group.code, title: group.title, items: items.map(itemView) }];
      });
      return [{ framework, groups }];
    }),
  };
}
