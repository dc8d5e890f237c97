import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkbookImportResult } from '../../../contracts/workbook-import.schema';
import { sendForm } from '../../api/api-client';

/** Sends a checksheet workbook to an assessment: a dry run lists the changes, otherwise they are applied. */
export function importWorkbook(assessmentId: string, file: File, dryRun: boolean): Promise<WorkbookImportResult> {
  const form = new FormData();
  if (dryRun) form.append('dryRun', 'true');
  form.append('file', file);
  return sendForm<WorkbookImportResult>(`/api/assessments/${encodeURIComponent(assessmentId)}/workbook-imports`, form);
}

/** The import as a mutation; an applied import refreshes everything the answers feed (scores, lists). */
export function useWorkbookImport(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) => importWorkbook(assessmentId, input.file, input.dryRun),
    onSuccess: (result) => {
      if (result.applied && result.changes.length > 0) void queryClient.invalidateQueries();
    },
  });
}
