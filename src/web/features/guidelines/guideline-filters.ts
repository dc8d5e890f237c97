import type { GuidelineDocumentList } from '../../../contracts/crosswalk.schema';

/** Width, case, katakana/hiragana and white space folded, as the catalog search does on the server. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}

export type GuidelineDocumentSummary = GuidelineDocumentList['documents'][number];

export const AUDIENCE_VALUES = [
  'developer',
  'manufacturer',
  'service_provider',
  'enterprise_user',
  'consumer',
  'policy_maker',
] as const;
export const INDUSTRY_VALUES = [
  'general',
  'smart_home',
  'transport',
  'smart_city',
  'healthcare',
  'aviation',
  'automotive',
  'industrial',
  'energy',
  'consumer_products',
] as const;
export const PHASE_VALUES = ['plan', 'design', 'build', 'operate', 'dispose'] as const;

export interface GuidelineFilter {
  readonly audience: string;
  readonly industry: string;
  readonly phase: string;
  /** Publisher's English name, as a stable key. */
  readonly publisher: string;
  readonly query: string;
}

/**
 * The documents matching every chosen facet ('' = any) and the search text, which is looked for
 * in both languages of the title (and the original), publisher and summary, folding width, case and kana.
 */
export function filterDocuments(
  documents: readonly GuidelineDocumentSummary[],
  filter: GuidelineFilter,
): GuidelineDocumentSummary[] {
  const query = fold(filter.query);
  return documents.filter((document) => {
    if (filter.audience && !document.audiences.includes(filter.audience)) return false;
    // A document written for every industry ("general") applies to the one asked for too.
    if (
      filter.industry &&
      !document.industries.some((industry) => industry === filter.industry || industry === 'general')
    )
      return false;
    if (filter.phase && !document.phases.includes(filter.phase)) return false;
    if (filter.publisher && document.publisher.en !== filter.publisher) return false;
    if (!query) return true;
    const haystack = [
      document.title.original,
      document.title.ja,
      document.title.en,
      document.publisher.ja,
      document.publisher.en,
      document.summary.ja,
      document.summary.en,
    ]
      .map(fold)
      .join('\n');
    return haystack.includes(query);
  });
}
