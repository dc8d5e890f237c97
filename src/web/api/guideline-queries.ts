import { useQuery } from '@tanstack/react-query';
import type { CatalogNodeView, FrameworkList } from '../../contracts/catalog.schema';
import type {
  CoverageResponse,
  GuidelineDocumentList,
  GuidelineDocumentViewResponse,
} from '../../contracts/crosswalk.schema';
import { getJson } from './api-client';

// The catalog does not change while the server runs: cached for the session.

export function useGuidelineDocuments() {
  return useQuery({
    queryKey: ['catalog', 'guidelines'],
    queryFn: ({ signal }) => getJson<GuidelineDocumentList>('/api/catalog/guidelines', signal),
    staleTime: Infinity,
  });
}

export function useGuidelineDocument(id: string) {
  return useQuery({
    queryKey: ['catalog', 'guidelines', id],
    queryFn: ({ signal }) =>
      getJson<GuidelineDocumentViewResponse>(`/api/catalog/guidelines/${encodeURIComponent(id)}`, signal),
    staleTime: Infinity,
  });
}

export function useFrameworks() {
  return useQuery({
    queryKey: ['catalog', 'frameworks'],
    queryFn: ({ signal }) => getJson<FrameworkList>('/api/catalog/frameworks', signal),
    staleTime: Infinity,
  });
}

export function useCatalogNode(id: string) {
  return useQuery({
    queryKey: ['catalog', 'node', id],
    queryFn: ({ signal }) => getJson<CatalogNodeView>(`/api/catalog/nodes/${encodeURIComponent(id)}`, signal),
    staleTime: Infinity,
  });
}

/** What an assessment implies for another framework (disabled until a framework is chosen). */
export function useCoverage(assessmentId: string, frameworkId: string) {
  return useQuery({
    queryKey: ['assessments', assessmentId, 'coverage', frameworkId],
    queryFn: ({ signal }) =>
      getJson<CoverageResponse>(
        `/api/assessments/${encodeURIComponent(assessmentId)}/coverage?framework=${encodeURIComponent(frameworkId)}`,
        signal,
      ),
    enabled: frameworkId !== '',
  });
}
