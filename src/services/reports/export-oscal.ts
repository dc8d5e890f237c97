import type { Actor } from '../../core/auth/actor';
import type { Catalog } from '../../core/catalog/catalog.types';
import type { ExchangeLanguage } from '../../core/reports/exchange-labels';
import { buildOscalAssessmentResults } from '../../core/reports/oscal/oscal-assessment-results';
import { buildOscalCatalog } from '../../core/reports/oscal/oscal-catalog';
import { buildOscalPoam } from '../../core/reports/oscal/oscal-poam';
import { iotcheckUuid } from '../../integrations/exports/oscal/uuid-v5';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { reportOfBytes, type GeneratedReport } from './generated-report';
import { loadAssessmentExchange } from './load-assessment-exchange';
import { reportFileName } from './report-file-name';

/** The OSCAL documents of one assessment. */
export const OSCAL_ASSESSMENT_KINDS = ['assessment-results', 'poam'] as const;
export type OscalAssessmentKind = (typeof OSCAL_ASSESSMENT_KINDS)[number];

const json = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

/**
 * A framework of the catalog as an OSCAL 1.1.3 catalog (JSON) in one language: the same catalog
 * always gives the same bytes. FRAMEWORK_NOT_FOUND for an unknown framework.
 */
export function oscalCatalogJson(
  deps: { readonly catalog: Catalog },
  input: { frameworkId: string; language: ExchangeLanguage },
): string {
  return json(buildOscalCatalog(deps.catalog, input.frameworkId, { language: input.language, uuidOf: iotcheckUuid }));
}

/** `oscalCatalogJson` as a file to hand out (`iotcheck-oscal-catalog-<framework>-<lang>.json`). */
export function exportCatalogOscal(
  deps: { readonly catalog: Catalog },
  input: { frameworkId: string; language: ExchangeLanguage },
): GeneratedReport {
  return reportOfBytes(
    `iotcheck-oscal-catalog-${input.frameworkId}-${input.language}.json`,
    'application/json',
    oscalCatalogJson(deps, input),
  );
}

/**
 * An assessment of the actor's organisation as OSCAL 1.1.3 JSON: `assessment-results` (answers,
 * evidence, conclusions per item, risks) or `poam` (its open findings). NOT_FOUND for an unknown
 * assessment; VALIDATION_FAILED (field `kind`) for a POA&M of an assessment without open findings.
 * The document depends only on the stored data; the file name carries the day it was made.
 */
export async function exportAssessmentOscal(
  deps: Pick<AssessmentDeps, 'database' | 'catalog' | 'clock'>,
  input: { actor: Actor; assessmentId: string; kind: OscalAssessmentKind; language?: ExchangeLanguage },
): Promise<GeneratedReport> {
  const data = await loadAssessmentExchange(deps, input);
  const options = { language: input.language ?? 'ja', uuidOf: iotcheckUuid };
  const document =
    input.kind === 'poam'
      ? buildOscalPoam(deps.catalog, data, options)
      : buildOscalAssessmentResults(deps.catalog, data, options);
  const what = input.kind === 'poam' ? 'oscal-poam' : 'oscal-assessment-results';
  return reportOfBytes(
    reportFileName(what, data.assessment.id, deps.clock(), 'json'),
    'application/json',
    json(document),
  );
}
