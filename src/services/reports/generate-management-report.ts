import type { Actor } from '../../core/auth/actor';
import { managementReportLayout } from '../../integrations/exports/pdf/management-report-layout';
import { renderPdf } from '../../integrations/exports/pdf/render-pdf';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { buildManagementReport } from './build-management-report';
import { reportOfBytes, type GeneratedReport, type ReportLanguage, type ReportProgress } from './generated-report';

/** `iotcheck-report[-detailed]-<first 8 of the assessment id>-<YYYYMMDD>.pdf`. */
export function managementReportFileName(assessmentId: string, detailed: boolean, at: Date): string {
  const date = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `iotcheck-report${detailed ? '-detailed' : ''}-${assessmentId.slice(0, 8)}-${date}.pdf`;
}

/**
 * The management report (経営層向け報告書) of an assessment as a PDF in `language`; `detailed`
 * adds every item's comment, justification, check points and evidence. Readers of the assessment
 * in the actor's organisation only (see buildManagementReport). The PDF is rendered before this
 * resolves, so errors surface here; `onProgress` hears 0.3 (data read), 0.4 (laid out), 1 (rendered).
 */
export async function generateManagementReport(
  deps: AssessmentDeps,
  input: {
    actor: Actor;
    assessmentId: string;
    language: ReportLanguage;
    detailed: boolean;
    onProgress?: ReportProgress;
  },
): Promise<GeneratedReport> {
  const report = await buildManagementReport(deps, { actor: input.actor, assessmentId: input.assessmentId });
  input.onProgress?.(0.3);
  const definition = managementReportLayout(report, { language: input.language, detailed: input.detailed });
  input.onProgress?.(0.4);
  const bytes = await renderPdf(definition);
  input.onProgress?.(1);
  return reportOfBytes(
    managementReportFileName(report.assessment.id, input.detailed, new Date(report.generatedAt)),
    'application/pdf',
    bytes,
  );
}
