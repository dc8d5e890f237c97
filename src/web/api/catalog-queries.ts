import { useQuery } from '@tanstack/react-query';
import type { FrameworkTreeResponse, SearchResponse } from '../../contracts/catalog.schema';
import { getJson } from './api-client';

/** The whole tree of a framework; cached for the session, the catalog does not change while running. */
export function useFrameworkTree(frameworkId: string) {
  return useQuery({
    queryKey: ['catalog', 'framework', frameworkId],
    queryFn: ({ signal }) =>
      getJson<FrameworkTreeResponse>(`/api/catalog/frameworks/${encodeURIComponent(frameworkId)}`, signal),
    staleTime: Infinity,
  });
}

/** Search results for a query (disabled while the query is empty). */
export function useCatalogSearch(query: string, frameworkId: string, language: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: ['catalog', 'search', frameworkId, trimmed, language],
    queryFn: ({ signal }) =>
      getJson<SearchResponse>(
        `/api/catalog/search?framework=${encodeURIComponent(frameworkId)}&lang=${language === 'en' ? 'en' : 'ja'}` +
          `&q=${encodeURIComponent(trimmed)}`,
        signal,
      ),
    enabled: trimmed.length > 0,
    staleTime: Infinity,
  });
}
