import type { Catalog, CatalogNode, Crosswalk, Relationship } from '../../catalog/catalog.types';
import { requireFramework, requireNode } from '../../catalog/framework-tree';
import { EXCHANGE_LABELS, type ExchangeLanguage } from '../exchange-labels';
import { frameworkResource, frameworkResourceUuid } from './oscal-framework-resource';
import { compact, iotcheckProp, nonEmpty, oscalDateTime, oscalNodeId } from './oscal-values';
import {
  IOTCHECK_NS,
  OSCAL_VERSION,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  type OscalLink,
  type OscalPart,
  type OscalProperty,
  type UuidOf,
} from './oscal.types';

// A link from the other end reads the other way round: "A is a subset of B" is "B is a superset of A".
const INVERSE: Readonly<Record<Relationship, Relationship>> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
  related: 'related',
};

const GROUP_KINDS: ReadonlySet<CatalogNode['kind']> = new Set(['function', 'category', 'group']);

/**
 * A framework of the catalog as an OSCAL 1.1.3 catalog in one language: functions, categories
 * and guideline groups become groups; items and CSF subcategories become controls, whose
 * statement lists the check points and whose guidance carries iotcheck's explanation; tags are
 * iotcheck properties; crosswalks are links to the other framework's back-matter resource with
 * the target control as `resource-fragment`. Pure and deterministic: the same catalog gives the
 * same document (UUIDs from names, dates from the framework's publication date).
 */
export function buildOscalCatalog(
  catalog: Catalog,
  frameworkId: string,
  options: { readonly language: ExchangeLanguage; readonly uuidOf: UuidOf },
): OscalCatalogDocument {
  const { language, uuidOf } = options;
  const labels = EXCHANGE_LABELS[language];
  const framework = requireFramework(catalog, frameworkId);
  const linkedFrameworks = new Set<string>();

  const crosswalkLink = (link: Crosswalk, direction: 'outgoing' | 'incoming'): OscalLink[] => {
    const other = catalog.nodes.get(direction === 'outgoing' ? link.targetId : link.sourceId);
    if (!other || other.frameworkId === framework.id) return [];
    linkedFrameworks.add(other.frameworkId);
    const relationship = direction === 'outgoing' ? link.relationship : INVERSE[link.relationship];
    return [
      {
        href: `#${frameworkResourceUuid(other.frameworkId, uuidOf)}`,
        rel: relationship,
        'resource-fragment': oscalNodeId(other.id),
        text: `${other.frameworkId} ${other.code} ${other.title[language]} — ${labels.relationships[relationship]}`,
      },
    ];
  };
  const linksOf = (node: CatalogNode): readonly OscalLink[] | undefined =>
    nonEmpty([
      ...(catalog.crosswalksFrom.get(node.id) ?? []).flatMap((link) => crosswalkLink(link, 'outgoing')),
      ...(catalog.crosswalksTo.get(node.id) ?? []).flatMap((link) => crosswalkLink(link, 'incoming')),
    ]);

  const propsOf = (node: CatalogNode): OscalProperty[] => {
    const tags = node.tags;
    return [
      { name: 'label', value: node.code },
      ...(tags
        ? [
            ...tags.scope.flatMap((value) => iotcheckProp('scope', value)),
            ...tags.phase.flatMap((value) => iotcheckProp('phase', value)),
            ...tags.roles.flatMap((value) => iotcheckProp('role', value)),
            ...tags.verifiable.flatMap((value) => iotcheckProp('verifiable', value)),
            ...iotcheckProp('provider-question', String(tags.providerQuestion)),
          ]
        : []),
      ...iotcheckProp('status', node.status),
      ...(node.unconfirmed ? iotcheckProp('unconfirmed', 'true') : []),
      ...iotcheckProp('superseded', node.superseded?.reason),
    ];
  };

  const toControl = (node: CatalogNode): OscalControl => {
    const id = oscalNodeId(node.id);
    const children = node.childIds.map((childId) => requireNode(catalog, childId));
    const checks = children.filter((child) => child.kind === 'check');
    const statement: OscalPart = compact({
      id: `${id}_smt`,
      name: 'statement',
      prose: (node.text ?? node.title)[language],
      parts: nonEmpty(
        checks.map((check) => ({
          id: oscalNodeId(check.id),
          name: 'item',
          props: [{ name: 'label', value: String(check.order) }],
          prose: check.title[language],
        })),
      ),
    });
    const explanation = node.explanation;
    const guidanceParts: OscalPart[] = explanation
      ? [
          { id: `${id}_gdn.why`, name: 'why', ns: IOTCHECK_NS, title: labels.why, prose: explanation.why[language] },
          {
            id: `${id}_gdn.consider`,
            name: 'consider',
            ns: IOTCHECK_NS,
            title: labels.consider,
            prose: explanation.consider[language],
          },
          ...(explanation.note
            ? [
                {
                  id: `${id}_gdn.note`,
                  name: 'note',
                  ns: IOTCHECK_NS,
                  title: labels.note,
                  prose: explanation.note[language],
                },
              ]
            : []),
        ]
      : [];
    const parts: OscalPart[] = [
      statement,
      ...(guidanceParts.length > 0 ? [{ id: `${id}_gdn`, name: 'guidance', parts: guidanceParts }] : []),
      ...(node.condition
        ? [
            {
              id: `${id}_cond`,
              name: 'condition',
              ns: IOTCHECK_NS,
              title: labels.condition,
              prose: node.condition[language],
            },
          ]
        : []),
      ...(node.note
        ? [{ id: `${id}_note`, name: 'note', ns: IOTCHECK_NS, title: labels.note, prose: node.note[language] }]
        : []),
    ];
    return compact({
      id,
      class: node.kind,
      title: node.title[language],
      props: nonEmpty(propsOf(node)),
      links: linksOf(node),
      parts,
      controls: nonEmpty(children.filter((child) => child.kind !== 'check').map(toControl)),
    });
  };

  const toGroup = (node: CatalogNode): OscalGroup => {
    const id = oscalNodeId(node.id);
    const children = node.childIds.map((childId) => requireNode(catalog, childId));
    return compact({
      id,
      class: node.kind,
      title: node.title[language],
      props: nonEmpty(propsOf(node)),
      links: linksOf(node),
      parts: node.text ? [{ id: `${id}_ovw`, name: 'overview', prose: node.text[language] }] : undefined,
      groups: nonEmpty(children.filter((child) => GROUP_KINDS.has(child.kind)).map(toGroup)),
      controls: nonEmpty(children.filter((child) => !GROUP_KINDS.has(child.kind)).map(toControl)),
    });
  };

  const groups = framework.functionIds.map((id) => toGroup(requireNode(catalog, id)));
  const date = oscalDateTime(framework.date);
  const others = [...linkedFrameworks].sort().flatMap((id) => {
    const other = catalog.frameworks.get(id);
    return other ? [frameworkResource(other, language, uuidOf)] : [];
  });
  return {
    catalog: {
      uuid: uuidOf(`catalog:${framework.id}:${framework.contentHash}:${language}`),
      metadata: compact({
        title: framework.title[language],
        published: date,
        'last-modified': date,
        version: framework.version,
        'oscal-version': OSCAL_VERSION,
        props: [
          ...iotcheckProp('framework-id', framework.id),
          ...iotcheckProp('catalog-hash', framework.contentHash),
          ...iotcheckProp('language', language),
          ...iotcheckProp('reproduction', framework.reproduction),
        ],
        links: [
          { href: `#${frameworkResourceUuid(framework.id, uuidOf)}`, rel: 'source', text: framework.source[language] },
        ],
        remarks: labels.catalogRemarks(framework.source[language]),
      }),
      groups,
      'back-matter': { resources: [frameworkResource(framework, language, uuidOf), ...others] },
    },
  };
}
