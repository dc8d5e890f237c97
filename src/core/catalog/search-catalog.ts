import type { Catalog, CatalogNode, Language, LocalizedText, NodeKind } from './catalog.types';
import { normalizeSearchText } from './normalize-search-text';
import { buildSnippet, type SearchSnippet } from './search-snippet';
import { TAG_LABELS } from './tag-labels';

/** Where a term matched, strongest first; the weight ranks results. */
const FIELD_WEIGHTS = {
  code: 100,
  codePrefix: 60,
  ancestorCode: 40,
  linkedCode: 35,
  title: 30,
  checks: 20,
  tag: 15,
  text: 10,
  explanation: 5,
} as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;

export interface SearchHit {
  readonly node: CatalogNode;
  readonly score: number;
  /** The strongest field any term matched in. */
  readonly matchedIn: SearchField;
  /** A short passage of the node's own text around the first match, in the language asked for. */
  readonly snippet?: SearchSnippet;
}

interface IndexEntry {
  readonly node: CatalogNode;
  readonly codes: readonly string[];
  readonly ancestorCodes: readonly string[];
  /** Codes of the nodes this one is linked to by crosswalks (e.g. CSF subcategories of a JSSEC item). */
  readonly linkedCodes: readonly string[];
  readonly title: string;
  readonly tags: string;
  readonly checks: string;
  readonly text: string;
  readonly explanation: string;
  /** The texts a snippet may be cut from, strongest first. */
  readonly passages: readonly LocalizedText[];
}

export interface SearchIndex {
  search(query: string, options?: { frameworkId?: string; limit?: number; language?: Language }): SearchHit[];
}

const SEARCHABLE: ReadonlySet<NodeKind> = new Set(['function', 'category', 'item', 'subcategory']);

/** Builds the in-memory index once per catalog; checks are searched as part of their item. */
export function createSearchIndex(catalog: Catalog): SearchIndex {
  const entries: IndexEntry[] = [];
  const entryOf = new Map<CatalogNode, IndexEntry>();
  for (const node of catalog.nodes.values()) {
    if (!SEARCHABLE.has(node.kind)) continue;
    const entry = indexEntry(catalog, node);
    entries.push(entry);
    entryOf.set(node, entry);
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
      const language = options.language ?? 'ja';
      return hits.slice(0, options.limit ?? 50).map((hit) => {
        const entry = entryOf.get(hit.node);
        const snippet = entry && buildSnippet(entry.passages, terms, language);
        return snippet ? { ...hit, snippet } : hit;
      });
    },
  };
}

function indexEntry(catalog: Catalog, node: CatalogNode): IndexEntry {
  const ancestors: CatalogNode[] = [];
  for (
    let parent = node.parentId ? catalog.nodes.get(node.parentId) : undefined;
    parent;
    parent = parent.parentId ? catalog.nodes.get(parent.parentId) : undefined
  ) {
    ancestors.push(parent);
  }
  const checks = node.childIds.flatMap((id) => {
    const child = catalog.nodes.get(id);
    return child?.kind === 'check' ? [child.title] : [];
  });
  const explanation = node.explanation
    ? [node.explanation.why, node.explanation.consider, node.explanation.note].filter(
        (text): text is LocalizedText => text !== undefined,
      )
    : [];
  const tagLabels = (node.tags?.verifiable ?? []).map((fact) => TAG_LABELS[fact]);
  const linked = [...(catalog.crosswalksFrom.get(node.id) ?? []), ...(catalog.crosswalksTo.get(node.id) ?? [])]
    .map((link) => catalog.nodes.get(link.sourceId === node.id ? link.targetId : link.sourceId)?.code)
    .filter((code): code is string => code !== undefined);
  const both = (texts: readonly LocalizedText[]) =>
    normalizeSearchText(texts.map((text) => `${text.ja} ${text.en}`).join(' '));
  return {
    node,
    codes: [normalizeSearchText(node.code), normalizeSearchText(node.id)],
    ancestorCodes: ancestors.map((ancestor) => normalizeSearchText(ancestor.code)),
    linkedCodes: [...new Set(linked.map(normalizeSearchText))],
    title: both([node.title]),
    tags: both(tagLabels),
    checks: both(checks),
    text: both(node.text ? [node.text] : []),
    explanation: both(explanation),
    passages: [node.title, ...checks, ...(node.text ? [node.text] : []), ...explanation, ...tagLabels],
  };
}

function strongestMatch(entry: IndexEntry, term: string): SearchField | undefined {
  if (entry.codes.includes(term)) return 'code';
  if (entry.codes.some((code) => code.startsWith(term) && /[.:-]/.test(code.charAt(term.length)))) return 'codePrefix';
  if (entry.ancestorCodes.includes(term)) return 'ancestorCode';
  if (entry.linkedCodes.includes(term)) return 'linkedCode';
  if (entry.title.includes(term)) return 'title';
  if (entry.checks.includes(term)) return 'checks';
  if (entry.tags.includes(term)) return 'tag';
  if (entry.text.includes(term)) return 'text';
  if (entry.explanation.includes(term)) return 'explanation';
  return undefined;
}

/** Orders "9" before "10" and "ID.AM-2" before "ID.AM-10". */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
