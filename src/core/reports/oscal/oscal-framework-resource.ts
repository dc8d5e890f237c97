import type { Framework } from '../../catalog/catalog.types';
import type { ExchangeLanguage } from '../exchange-labels';
import { compact, iotcheckProp, nonEmpty, uriOf } from './oscal-values';
import type { OscalResource, UuidOf } from './oscal.types';

/** The UUID of the back-matter resource that stands for a framework (the same in every document). */
export function frameworkResourceUuid(frameworkId: string, uuidOf: UuidOf): string {
  return uuidOf(`framework:${frameworkId}`);
}

/**
 * A back-matter resource naming a framework: its title, its source as a citation, the published
 * location when there is one, and its id and content hash as iotcheck properties. Links to a
 * control of that framework point here (`#uuid`) with the control's id as `resource-fragment`.
 */
export function frameworkResource(framework: Framework, language: ExchangeLanguage, uuidOf: UuidOf): OscalResource {
  const href = framework.source.url === undefined ? undefined : uriOf(framework.source.url);
  return compact({
    uuid: frameworkResourceUuid(framework.id, uuidOf),
    title: framework.title[language],
    props: nonEmpty([
      ...iotcheckProp('framework-id', framework.id),
      ...iotcheckProp('framework-version', framework.version),
      ...iotcheckProp('catalog-hash', framework.contentHash),
    ]),
    citation: { text: framework.source[language] },
    rlinks: href === undefined ? undefined : [{ href }],
  });
}
