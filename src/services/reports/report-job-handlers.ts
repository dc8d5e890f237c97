import { stringify as toYaml } from 'yaml';
import type { UserActor } from '../../core/auth/actor';
import type { ReportKind } from '../../core/reports/report-kinds';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { exportAssessmentDocument } from '../assessments/export-assessment-document';
import type { JobHandler, JobHandlers } from '../jobs/job-handler';
import { reportOfBytes, type GeneratedReport, type ReportLanguage, type ReportProgress } from './generated-report';
import { exportAssessmentCsv } from './export-assessment-csv';
import { exportAssessmentOscal } from './export-oscal';
import { generateChecksheetWorkbook } from './generate-checksheet-workbook';
import { generateManagementReport } from './generate-management-report';
import { reportFileName } from './report-file-name';

/** What every report job is given (stored as the job's params). */
export interface ReportParams {
  readonly assessmentId: string;
  readonly language: ReportLanguage;
  readonly detailed: boolean;
}

type Generate = (
  deps: AssessmentDeps,
  input: { actor: UserActor; params: ReportParams; onProgress: ReportProgress },
) => Promise<GeneratedReport>;

async function assessmentDocument(
  deps: AssessmentDeps,
  actor: UserActor,
  params: ReportParams,
  format: 'json' | 'yaml',
) {
  const document = await exportAssessmentDocument(deps, { actor, assessmentId: params.assessmentId });
  const text = format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document, { lineWidth: 0 });
  const name = reportFileName('assessment', params.assessmentId, deps.clock(), format);
  return reportOfBytes(name, format === 'json' ? 'application/json' : 'application/yaml', text);
}

/** Each report kind's generator. */
const csv =
  (kind: 'answers' | 'findings' | 'evidence'): Generate =>
  (deps, { actor, params }) =>
    exportAssessmentCsv(deps, { actor, assessmentId: params.assessmentId, kind, language: params.language });
const oscal =
  (kind: 'assessment-results' | 'poam'): Generate =>
  (deps, { actor, params }) =>
    exportAssessmentOscal(deps, { actor, assessmentId: params.assessmentId, kind, language: params.language });

const GENERATORS: Readonly<Record<ReportKind, Generate>> = {
  'management-pdf': (deps, { actor, params, onProgress }) =>
    generateManagementReport(deps, {
      actor,
      assessmentId: params.assessmentId,
      language: params.language,
      detailed: params.detailed,
      onProgress,
    }),
  'answers-csv': csv('answers'),
  'findings-csv': csv('findings'),
  'evidence-csv': csv('evidence'),
  'oscal-assessment-results': oscal('assessment-results'),
  'oscal-poam': oscal('poam'),
  'checksheet-xlsx': (deps, { actor, params, onProgress }) =>
    generateChecksheetWorkbook(deps, {
      actor,
      assessmentId: params.assessmentId,
      language: params.language,
      onProgress,
    }),
  'assessment-json': (deps, { actor, params }) => assessmentDocument(deps, actor, params, 'json'),
  'assessment-yaml': (deps, { actor, params }) => assessmentDocument(deps, actor, params, 'yaml'),
};

function paramsOf(raw: Readonly<Record<string, unknown>>): ReportParams {
  return {
    assessmentId: String(raw['assessmentId']),
    language: raw['language'] === 'en' ? 'en' : 'ja',
    detailed: raw['detailed'] === true,
  };
}

/** The job handlers of every report kind, bound to the server's dependencies. */
export function reportJobHandlers(deps: AssessmentDeps): JobHandlers {
  const handlers: Record<string, JobHandler> = {};
  for (const [kind, generate] of Object.entries(GENERATORS)) {
    handlers[kind] = {
      readAction: 'assessments.read',
      run: ({ actor, params, onProgress }) => generate(deps, { actor, params: paramsOf(params), onProgress }),
    };
  }
  return handlers;
}
