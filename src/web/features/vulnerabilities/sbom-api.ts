import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SbomComponentPageView, SbomView } from '../../../contracts/vulnerabilities/sbom.schema';
import { getJson, sendForm } from '../../api/api-client';

const enc = encodeURIComponent;

/** Which SBOMs a list shows: all of the organisation's, or those applying to one device. */
export type SbomListFor = { readonly kind: 'all' } | { readonly kind: 'device'; readonly deviceId: string };

/** What an upload describes: a model, or one device. */
export type SbomUploadTarget =
  | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
  | { readonly kind: 'device'; readonly deviceId: string };

/** What the server answers to an accepted upload. */
export interface SbomUploadResult extends SbomView {
  readonly identifiedComponents: number;
  readonly replaced: boolean;
}

const sbomKeys = {
  all: ['sboms'] as const,
  list: (path: string) => ['sboms', 'list', path] as const,
  components: (id: string) => ['sboms', 'components', id] as const,
};

const listPath = (target: SbomListFor) =>
  target.kind === 'all' ? '/api/inventory/sboms' : `/api/inventory/sboms?deviceId=${enc(target.deviceId)}`;

/** The SBOMs of the organisation, or those that apply to one device (its own first, then its model's). */
export function useSboms(target: SbomListFor) {
  const path = listPath(target);
  return useQuery({
    queryKey: sbomKeys.list(path),
    queryFn: ({ signal }) => getJson<{ items: SbomView[] }>(path, signal),
  });
}

/** One SBOM's components, page by page ("more" loads the next). */
export function useSbomComponents(sbomId: string) {
  return useInfiniteQuery({
    queryKey: sbomKeys.components(sbomId),
    queryFn: ({ pageParam, signal }) =>
      getJson<SbomComponentPageView>(
        `/api/inventory/sboms/${enc(sbomId)}/components${pageParam >= 0 ? `?after=${pageParam}` : ''}`,
        signal,
      ),
    initialPageParam: -1,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

/** Uploads an SBOM for a model or a device; every SBOM list is refreshed when it is accepted. */
export function useSbomUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; target: SbomUploadTarget }) => {
      const form = new FormData();
      form.append('file', input.file);
      if (input.target.kind === 'device') form.append('deviceId', input.target.deviceId);
      else {
        form.append('manufacturer', input.target.manufacturer);
        form.append('model', input.target.model);
      }
      return sendForm<SbomUploadResult>('/api/inventory/sboms', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sbomKeys.all }),
  });
}
