import type { Catalog } from '../../catalog/catalog.types';
import type { AssessmentExchangeData } from '../assessment-exchange.types';
import type { ExchangeLanguage } from '../exchange-labels';
import {
  assessmentMetadata,
  assessmentResources,
  findingRisk,
  hasRisk,
  itemObservation,
  oscalAssessmentContext,
  type OscalAssessmentContext,
} from './oscal-assessment-context';
import { compact, iotcheckProp, nonEmpty, oneLine, oscalDateTime, oscalNodeId } from './oscal-values';
import type { OscalAssessmentResultsDocument, OscalFinding, OscalResource, OscalRisk, UuidOf } from './oscal.types';

/**
 * One assessment as OSCAL 1.1.3 assessment results, in one language. One result covers the
 * assessment period (or its creation to its closing); it reviews every item of the framework;
 * each answered item is an observation (result, comment, evidence); each item with a conclusion
 * (implemented, partial, not implemented) or an unresolved finding is a finding whose objective
 * is satisfied only when implemented; findings with an impact or recommendation are risks.
 *
 * OSCAL requires `import-ap`, the assessment plan the results belong to. iotcheck has no OSCAL
 * assessment plan, so the href is a fragment (`#uuid`) naming a back-matter resource that
 * describes the plan as iotcheck holds it (system, framework, period): a valid URI reference that
 * resolves inside the document, rather than a link to a file that does not exist.
 */
export function buildOscalAssessmentResults(
  catalog: Catalog,
  data: AssessmentExchangeData,
  options: { readonly language: ExchangeLanguage; readonly uuidOf: UuidOf },
): OscalAssessmentResultsDocument {
  const context = oscalAssessmentContext(catalog, data, options);
  const { labels, uuidOf } = context;
  const { assessment, system } = data;
  const frameworkTitle = context.framework.title[context.language];

  const observations = context.items.flatMap((item) => {
    const observation = itemObservation(context, item.itemId);
    return observation ? [observation] : [];
  });
  const observed = new Set(observations.map((observation) => observation.uuid));
  const risks: OscalRisk[] = data.findings
    .filter(hasRisk)
    .map((finding) => findingRisk(context, finding, observed.has(context.observationUuid(finding.itemId))));
  const findings = context.items.flatMap((item) => itemFinding(context, item.itemId, observed, risks));

  const plan: OscalResource = compact({
    uuid: uuidOf(`assessment-plan:${assessment.id}`),
    title: labels.assessmentPlanTitle(assessment.title),
    description: labels.assessmentPlanDescription(system.name, frameworkTitle),
    props: nonEmpty([
      ...iotcheckProp('assessment-id', assessment.id),
      ...iotcheckProp('system-id', system.id),
      ...iotcheckProp('framework-id', assessment.frameworkId),
      ...iotcheckProp('period-start', assessment.periodStart),
      ...iotcheckProp('period-end', assessment.periodEnd),
    ]),
  });
  const end = assessment.periodEnd ? `${assessment.periodEnd}T23:59:59Z` : assessment.closedAt;
  const answered = [...data.answers.values()].filter((answer) => answer.result !== 'unanswered').length;
  return {
    'assessment-results': {
      uuid: uuidOf(`assessment-results:${assessment.id}`),
      metadata: assessmentMetadata(context, labels.resultsTitle(assessment.title, system.name)),
      'import-ap': { href: `#${plan.uuid}` },
      results: [
        compact({
          uuid: uuidOf(`result:${assessment.id}`),
          title: assessment.title,
          description: labels.resultDescription(frameworkTitle, answered, context.items.length),
          props: iotcheckProp('assessment-status', assessment.status),
          start: oscalDateTime(assessment.periodStart ?? assessment.createdAt),
          end: end ? oscalDateTime(end) : undefined,
          'reviewed-controls': {
            'control-selections': [
              { 'include-controls': context.items.map((item) => ({ 'control-id': oscalNodeId(item.itemId) })) },
            ],
          },
          observations: nonEmpty(observations),
          risks: nonEmpty(risks),
          findings: nonEmpty(findings),
        }),
      ],
      'back-matter': { resources: [plan, ...assessmentResources(context, observations)] },
    },
  };
}

/** The conclusion about one item, or nothing for an item unanswered (or not applicable) without open findings. */
function itemFinding(
  context: OscalAssessmentContext,
  itemId: string,
  observed: ReadonlySet<string>,
  risks: readonly OscalRisk[],
): OscalFinding[] {
  const { data, labels } = context;
  const result = data.answers.get(itemId)?.result ?? 'unanswered';
  const unresolved = data.findings.filter((finding) => finding.itemId === itemId && finding.status !== 'resolved');
  const concluded = result === 'implemented' || result === 'partial' || result === 'not_implemented';
  if (!concluded && unresolved.length === 0) return [];
  const riskIds = data.findings
    .filter((finding) => finding.itemId === itemId)
    .map((finding) => context.riskUuid(finding.id))
    .filter((uuid) => risks.some((risk) => risk.uuid === uuid));
  const satisfied = result === 'implemented';
  const observationUuid = context.observationUuid(itemId);
  return [
    compact({
      uuid: context.uuidOf(`finding:${data.assessment.id}:${itemId}`),
      title: context.itemLabel(itemId),
      description: [
        labels.results[result],
        ...unresolved.map((finding) => `${labels.issue}: ${oneLine(finding.issue) ?? ''}`),
      ].join('\n\n'),
      props: nonEmpty([...iotcheckProp('item-id', itemId), ...iotcheckProp('result', result)]),
      target: {
        type: 'statement-id' as const,
        'target-id': `${oscalNodeId(itemId)}_smt`,
        status: satisfied
          ? { state: 'satisfied' as const, reason: 'pass' as const }
          : { state: 'not-satisfied' as const, reason: 'fail' as const },
      },
      'related-observations': observed.has(observationUuid) ? [{ 'observation-uuid': observationUuid }] : undefined,
      'related-risks': nonEmpty(riskIds.map((uuid) => ({ 'risk-uuid': uuid }))),
    }),
  ];
}
