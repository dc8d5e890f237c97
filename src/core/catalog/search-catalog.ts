import type { Catalog, CatalogNode, NodeKind } from './catalog.types';
import { normalizeSearchText } from './normalize-search-text';

/** Where a term matched, strongest first; the weight ranks results. */
const FIELD_WEIGHTS = {
  code: 100,
  codePrefix: 60,
  ancestorCode: 40,
  title: 30,
  checks: 20,
  text: 10,
  explanation: 5,
} as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;

export interface SearchHit {
  readonly node: CatalogNode;
  readonly score: number;
  /** The strongest field any term matched in. */
  readonly matchedIn: SearchField;
}

interface IndexEntry {
  readonly node: CatalogNode;
  readonly codes: readonly string[];
  readonly ancestorCodes: readonly string[];
  readonly title: string;
  readonly checks: string;
  readonly text: string;
  readonly explanation: string;
}

export interface SearchIndex {
  search(query: string, options?: { frameworkId?: string; limit?: number }): SearchHit[];
}

const SEARCHABLE: ReadonlySet<NodeKind> = new Set(['function', 'category', 'item', 'subcategory']);

/** Builds the in-memory index once per catalog; checks are searched as part of their item. */
export function createSearchIndex(catalog: Catalog): SearchIndex {
  const entries: IndexEntry[] = [];
  for (const node of catalog.nodes.values()) {
    if (!SEARCHABLE.has(node.kind)) continue;
    const ancestors: CatalogNode[] = [];
    for (
      let parent = node.parentId ? catalog.nodes.get(node.parentId) : undefined;
      parent;
      parent = parent.parentId ? catalog.nodes.get(parent.parentId) : undefined
    ) {
      ancestors.push(parent);
    }
    const checks = node.childIds.map((id) => catalog.nodes.get(id)).filter((child) => child?.kind === 'check');
    const explanation = node.explanation;
    entries.push({
      node,
      codes: [normalizeSearchText(node.code), normalizeSearchText(node.id)],
      ancestorCodes: ancestors.map((ancestor) => normalizeSearchText(ancestor.code)),
      title: normalizeSearchText(`${node.title.ja} ${node.title.en}`),
      checks: normalizeSearchText(checks.map((check) => `${check?.title.ja} ${check?.title.en}`).join(' ')),
      text: normalizeSearchText(node.text ? `${node.text.ja} ${node.text.en}` : ''),
      explanation: normalizeSearchText(
        explanation
          ? [explanation.why, explanation.consider, explanation.note]
              .flatMap((text) => (text ? [text.ja, text.en] : []))
              .join(' ')
          : '',
      ),
    });
  }

  return {
    search(query, options = {}) {
      const terms = normalizeSearchText(query)
        .split(' ')
        .filter((term) => term.length > 0);
      if (terms.length === 0) return [];
      const hits: SearchHit[] = [];
      for (const entry of entries) {
        if (options.frameworkId && entry.node.frameworkId !== options.frameworkId) continue;
        let score = 0;
        let best: SearchField | undefined;
        for (const term of terms) {
          const field = strongestMatch(entry, term);
          if (!field) {
            best = undefined;
            break;
          }
          score += FIELD_WEIGHTS[field];
          if (!best || FIELD_WEIGHTS[field] > FIELD_WEIGHTS[best]) best = field;
        }
        if (best) hits.push({ node: entry.node, score, matchedIn: best });
      }
      hits.sort(
        (a, b) =>
          b.score - a.score ||
          a.node.frameworkId.localeCompare(b.node.frameworkId) ||
          compareCodes(a.node.code, b.node.code),
      );
      return hits.slice(0, options.limit ?? 50);
    },
  };
}

function strongestMatch(entry: IndexEntry, term: string): SearchField | undefined {
  if (entry.codes.includes(term)) return 'code';
  if (entry.codes.some((code) => code.startsWith(term) && /[.:-]/.test(code.charAt(term.length)))) return 'codePrefix';
  if (entry.ancestorCodes.includes(term)) return 'ancestorCode';
  if (entry.title.includes(term)) return 'title';
  if (entry.checks.includes(term)) return 'checks';
  if (entry.text.includes(term)) return 'text';
  if (entry.explanation.includes(term)) return 'explanation';
  return undefined;
}

/** Orders "9" before "10" and "ID.AM-2" before "ID.AM-10". */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
