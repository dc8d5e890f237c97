import type { Catalog } from '../../catalog/catalog.types';
import { DomainError } from '../../domain-error';
import { OPEN_FINDING_STATUSES, type AssessmentExchangeData } from '../assessment-exchange.types';
import type { ExchangeLanguage } from '../exchange-labels';
import {
  assessmentMetadata,
  assessmentResources,
  findingProps,
  findingRisk,
  findingTitle,
  hasRisk,
  itemObservation,
  oscalAssessmentContext,
} from './oscal-assessment-context';
import { compact } from './oscal-values';
import type { OscalObservation, OscalPoamDocument, UuidOf } from './oscal.types';

/**
 * The open findings of an assessment (open or in progress) as an OSCAL 1.1.3 plan of action and
 * milestones, in one language: one POA&M item per finding (issue, impact, recommendation; priority,
 * owner and due date as properties), related to the observation of its item and, when it has an
 * impact or recommendation, to its risk. UUIDs of observations and risks are those of the
 * assessment results, so the two documents cross-reference.
 *
 * OSCAL requires at least one POA&M item: an assessment without open findings is refused with
 * VALIDATION_FAILED (field `kind`, reason `no open findings`) rather than written invalid.
 */
export function buildOscalPoam(
  catalog: Catalog,
  data: AssessmentExchangeData,
  options: { readonly language: ExchangeLanguage; readonly uuidOf: UuidOf },
): OscalPoamDocument {
  const context = oscalAssessmentContext(catalog, data, options);
  const { labels, uuidOf } = context;
  const open = data.findings.filter((finding) => OPEN_FINDING_STATUSES.includes(finding.status));
  if (open.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'The assessment has no open findings: a POA&M needs at least one.', [
      { field: 'kind', reason: 'no open findings' },
    ]);
  const itemIds = [...new Set(open.map((finding) => finding.itemId))];
  const observations = context.items
    .filter((item) => itemIds.includes(item.itemId))
    .flatMap((item): OscalObservation[] => {
      const observation = itemObservation(context, item.itemId);
      return observation ? [observation] : [];
    });
  const observed = new Set(observations.map((observation) => observation.uuid));
  const isObserved = (itemId: string) => observed.has(context.observationUuid(itemId));
  const risks = open.filter(hasRisk).map((finding) => findingRisk(context, finding, isObserved(finding.itemId)));
  return {
    'plan-of-action-and-milestones': compact({
      uuid: uuidOf(`poam:${data.assessment.id}`),
      metadata: assessmentMetadata(context, labels.poamTitle(data.assessment.title, data.system.name)),
      'system-id': { 'identifier-type': 'urn:iotcheck:system-id', id: data.system.id },
      observations: observations.length > 0 ? observations : undefined,
      risks: risks.length > 0 ? risks : undefined,
      'poam-items': open.map((finding) =>
        compact({
          uuid: uuidOf(`poam-item:${finding.id}`),
          title: findingTitle(context, finding),
          description: [
            finding.issue,
            finding.impact.trim() !== '' ? `${labels.impact}: ${finding.impact}` : '',
            finding.recommendation.trim() !== '' ? `${labels.recommendation}: ${finding.recommendation}` : '',
          ]
            .filter((text) => text !== '')
            .join('\n\n'),
          props: findingProps(finding),
          origins: [{ actors: [{ type: 'party' as const, 'actor-uuid': context.organisationUuid }] }],
          'related-observations': isObserved(finding.itemId)
            ? [{ 'observation-uuid': context.observationUuid(finding.itemId) }]
            : undefined,
          'related-risks': hasRisk(finding) ? [{ 'risk-uuid': context.riskUuid(finding.id) }] : undefined,
        }),
      ),
      'back-matter': { resources: assessmentResources(context, observations) },
    }),
  };
}
