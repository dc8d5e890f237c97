import { listFrameworkItems, type FrameworkItem } from '../../assessment/framework-items';
import type { Catalog, Framework } from '../../catalog/catalog.types';
import { requireFramework } from '../../catalog/framework-tree';
import type { AssessmentExchangeData, ExchangeEvidence, ExchangeFinding } from '../assessment-exchange.types';
import { EXCHANGE_LABELS, type ExchangeLabels, type ExchangeLanguage } from '../exchange-labels';
import { frameworkResource } from './oscal-framework-resource';
import { compact, iotcheckProp, nonEmpty, oneLine, oscalDateTime, uriOf } from './oscal-values';
import {
  IOTCHECK_NS,
  OSCAL_VERSION,
  type OscalMetadata,
  type OscalObservation,
  type OscalResource,
  type OscalRisk,
  type UuidOf,
} from './oscal.types';

/** What the assessment-results and POA&M builders share: the data, the words and the UUIDs. */
export interface OscalAssessmentContext {
  readonly data: AssessmentExchangeData;
  readonly framework: Framework;
  readonly items: readonly FrameworkItem[];
  readonly language: ExchangeLanguage;
  readonly labels: ExchangeLabels;
  readonly uuidOf: UuidOf;
  /** The party that stands for the organisation (assessor, origin of findings). */
  readonly organisationUuid: string;
  /** The latest change to the assessment, its answers, findings or evidence (OSCAL date-time). */
  readonly lastModified: string;
  /** "No. 25 title" of an item in the document's language. */
  itemLabel(itemId: string): string;
  /** The UUID of the observation of an item's answer (the same in assessment results and POA&M). */
  observationUuid(itemId: string): string;
  /** The UUID of the risk a finding becomes. */
  riskUuid(findingId: string): string;
}

/** Prepares the shared pieces; throws FRAMEWORK_NOT_FOUND when the assessment's framework left the catalog. */
export function oscalAssessmentContext(
  catalog: Catalog,
  data: AssessmentExchangeData,
  options: { readonly language: ExchangeLanguage; readonly uuidOf: UuidOf },
): OscalAssessmentContext {
  const { language, uuidOf } = options;
  const labels = EXCHANGE_LABELS[language];
  const times = [
    data.assessment.updatedAt,
    ...[...data.answers.values()].map((answer) => answer.updatedAt),
    ...data.findings.map((finding) => finding.updatedAt),
    ...data.evidence.map((evidence) => evidence.createdAt),
  ];
  const latest = times.reduce((last, time) => (Date.parse(time) > Date.parse(last) ? time : last));
  return {
    data,
    framework: requireFramework(catalog, data.assessment.frameworkId),
    items: listFrameworkItems(catalog, data.assessment.frameworkId),
    language,
    labels,
    uuidOf,
    organisationUuid: uuidOf(`organisation:${data.organisation.id}`),
    lastModified: oscalDateTime(latest),
    itemLabel: (itemId) => {
      const node = catalog.nodes.get(itemId);
      return node ? labels.itemLabel(node.code, node.title[language]) : itemId;
    },
    observationUuid: (itemId) => uuidOf(`observation:${data.assessment.id}:${itemId}`),
    riskUuid: (findingId) => uuidOf(`risk:${findingId}`),
  };
}

/** Metadata of an assessment document: the organisation as the assessor, the assessment named in properties. */
export function assessmentMetadata(context: OscalAssessmentContext, title: string): OscalMetadata {
  const { data, labels } = context;
  return {
    title,
    'last-modified': context.lastModified,
    // Any change to the assessment moves last-modified, so it doubles as the document's version.
    version: context.lastModified,
    'oscal-version': OSCAL_VERSION,
    props: [
      ...iotcheckProp('assessment-id', data.assessment.id),
      ...iotcheckProp('assessment-status', data.assessment.status),
      ...iotcheckProp('system-id', data.system.id),
      ...iotcheckProp('framework-id', data.assessment.frameworkId),
      ...iotcheckProp('framework-version', data.assessment.frameworkVersion),
      ...iotcheckProp('catalog-hash', data.assessment.catalogHash),
      ...iotcheckProp('language', context.language),
    ],
    roles: [{ id: 'assessor', title: labels.assessor }],
    parties: [
      {
        uuid: context.organisationUuid,
        type: 'organization',
        name: oneLine(data.organisation.name) ?? data.organisation.id,
      },
    ],
    'responsible-parties': [{ 'role-id': 'assessor', 'party-uuids': [context.organisationUuid] }],
  };
}

/**
 * The observation of one item: the answer's result and comment, the justification as remarks,
 * the check points done as properties and the linked evidence as relevant evidence. Undefined
 * for an item with neither a saved answer nor evidence.
 */
export function itemObservation(context: OscalAssessmentContext, itemId: string): OscalObservation | undefined {
  const { data, labels } = context;
  const answer = data.answers.get(itemId);
  const evidence = data.evidence.filter((entry) => entry.itemIds.includes(itemId));
  if (!answer && evidence.length === 0) return undefined;
  const result = answer?.result ?? 'unanswered';
  const collected =
    answer?.updatedAt ??
    evidence
      .map((entry) => entry.createdAt)
      .reduce((last, time) => (Date.parse(time) > Date.parse(last) ? time : last));
  const doneChecks = Object.entries(answer?.checks ?? {})
    .filter(([, check]) => check.done)
    .map(([checkId]) => checkId)
    .sort();
  return compact({
    uuid: context.observationUuid(itemId),
    title: context.itemLabel(itemId),
    description: [labels.results[result], answer?.comment ?? ''].filter((text) => text.trim() !== '').join('\n\n'),
    props: nonEmpty([
      ...iotcheckProp('item-id', itemId),
      ...iotcheckProp('result', result),
      ...iotcheckProp('review-state', answer?.reviewState),
      ...iotcheckProp('answer-version', answer ? String(answer.version) : undefined),
      ...doneChecks.flatMap((checkId) => iotcheckProp('check-done', checkId)),
    ]),
    methods: ['EXAMINE'],
    types: ['control-objective'],
    'relevant-evidence': nonEmpty(
      evidence.map((entry) =>
        compact({
          href: `#${evidenceUuid(context, entry)}`,
          description: entry.title,
          props: nonEmpty([...iotcheckProp('kind', entry.kind), ...iotcheckProp('evidence-date', entry.evidenceDate)]),
        }),
      ),
    ),
    collected: oscalDateTime(collected),
    remarks: answer?.justification ? `${labels.justification}: ${answer.justification}` : undefined,
  });
}

const RISK_STATUS: Readonly<Record<ExchangeFinding['status'], OscalRisk['status']>> = {
  open: 'open',
  in_progress: 'remediating',
  accepted_risk: 'deviation-approved',
  resolved: 'closed',
};

/** True when a finding says what it risks or what to do, which makes it an OSCAL risk. */
export function hasRisk(finding: ExchangeFinding): boolean {
  return finding.impact.trim() !== '' || finding.recommendation.trim() !== '';
}

/** Properties of a finding shared by its risk and its POA&M item. */
export function findingProps(finding: ExchangeFinding) {
  return [
    ...iotcheckProp('finding-id', finding.id),
    ...iotcheckProp('item-id', finding.itemId),
    ...iotcheckProp('priority', finding.priority),
    ...iotcheckProp('owner', finding.ownerName),
    ...iotcheckProp('due', finding.dueDate),
    ...iotcheckProp('finding-status', finding.status),
  ];
}

/** The first line of a finding's issue, for titles. */
export function findingTitle(context: OscalAssessmentContext, finding: ExchangeFinding): string {
  const line = oneLine(finding.issue.split('\n')[0]) ?? '';
  return `${context.itemLabel(finding.itemId)}: ${line}`;
}

/** A finding with an impact or recommendation as an OSCAL risk: the impact as statement, the recommendation as remediation. */
export function findingRisk(context: OscalAssessmentContext, finding: ExchangeFinding, observed: boolean): OscalRisk {
  const { labels } = context;
  return compact({
    uuid: context.riskUuid(finding.id),
    title: findingTitle(context, finding),
    description: finding.issue,
    statement: finding.impact.trim() !== '' ? finding.impact : finding.issue,
    props: findingProps(finding),
    status: RISK_STATUS[finding.status],
    characterizations: [
      {
        origin: { actors: [{ type: 'party' as const, 'actor-uuid': context.organisationUuid }] },
        facets: [{ name: 'priority', system: IOTCHECK_NS, value: finding.priority }],
      },
    ],
    deadline: finding.dueDate ? oscalDateTime(finding.dueDate) : undefined,
    remediations:
      finding.recommendation.trim() !== ''
        ? [
            {
              uuid: context.uuidOf(`remediation:${finding.id}`),
              lifecycle: finding.status === 'resolved' ? ('completed' as const) : ('planned' as const),
              title: labels.recommendation,
              description: finding.recommendation,
            },
          ]
        : undefined,
    'related-observations': observed ? [{ 'observation-uuid': context.observationUuid(finding.itemId) }] : undefined,
  });
}

function evidenceUuid(context: OscalAssessmentContext, evidence: ExchangeEvidence): string {
  return context.uuidOf(`evidence:${evidence.id}`);
}

/** A back-matter resource for a piece of evidence: a link's URL, a file's name and SHA-256, a text's body. */
export function evidenceResource(context: OscalAssessmentContext, evidence: ExchangeEvidence): OscalResource {
  const href = evidence.url ? uriOf(evidence.url) : undefined;
  return compact({
    uuid: evidenceUuid(context, evidence),
    title: evidence.title,
    description: evidence.body ?? (evidence.url && !href ? evidence.url : undefined),
    props: nonEmpty([
      ...iotcheckProp('evidence-id', evidence.id),
      ...iotcheckProp('kind', evidence.kind),
      ...iotcheckProp('evidence-date', evidence.evidenceDate),
      ...iotcheckProp('valid-until', evidence.validUntil),
      ...iotcheckProp('file-name', evidence.originalName),
      ...iotcheckProp('media-type', evidence.mediaType),
      ...iotcheckProp('sha256', evidence.sha256),
    ]),
    rlinks: href ? [{ href }] : undefined,
    remarks: evidence.kind === 'file' ? context.labels.evidenceFileRemarks : undefined,
  });
}

/** The resources every assessment document ends with: the framework, then the evidence its observations cite. */
export function assessmentResources(
  context: OscalAssessmentContext,
  observations: readonly OscalObservation[],
): OscalResource[] {
  const cited = new Set(
    observations.flatMap((observation) => (observation['relevant-evidence'] ?? []).map((entry) => entry.href)),
  );
  return [
    frameworkResource(context.framework, context.language, context.uuidOf),
    ...context.data.evidence
      .filter((entry) => cited.has(`#${evidenceUuid(context, entry)}`))
      .map((entry) => evidenceResource(context, entry)),
  ];
}
