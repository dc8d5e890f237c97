import type { SearchResponse } from '../../../contracts/catalog.schema';

type Snippet = NonNullable<SearchResponse['results'][number]['snippet']>;

/** A search snippet with its matches marked. */
export function HighlightedSnippet({ snippet }: { snippet: Snippet }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start > at) parts.push({ text: snippet.text.slice(at, start), marked: false });
    parts.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return (
    <span className="search-snippet">
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </span>
  );
}
