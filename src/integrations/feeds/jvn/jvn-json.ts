import type { AdvisoryScore, NormalisedAdvisory, RuleTerm } from '../../../core/vulnerabilities/advisory.types';
import { feedScore } from '../../../core/vulnerabilities/feed-severity';
import { csafToAdvisory } from '../csaf/csaf-document';
import { array, isObject, jsonPath, text, type FeedProblems } from '../feed-problems';
import { cpeSelector, exactVersion, purlSelector, type SelectorWithVersion } from '../feed-selectors';
import { overviewVersions, productLabel } from './jvn-vuldef';

// MyJVN's JSON forms (issue 13):
// - getVulnDetailInfo: a CSAF-shaped document (`csaf_version` 2.1, category
//   myjvn_security_advisory, `$schema` myjvn_vuldef): read with the CSAF product-tree reader, as
//   source 'jvn'. It is not CSAF 2.0, so the CSAF 2.0 validator is not applied; the reader's own
//   checks (tracking id, dates, product references) are.
// - getVulnOverviewList: `{ feed: { entry: [...] } }`, each entry listing products (vname, pname,
//   optional version, product_ids with cpe and purl). A product with a version is that exact
//   version; a product without one is "versions not listed" (unparsed), unless the same entry
//   lists that product with versions too.

/** Advisories of a MyJVN JSON document (detail or overview list). */
export function jvnJsonToAdvisories(document: unknown, problems: FeedProblems): NormalisedAdvisory[] {
  if (isObject(document) && isObject(document['feed'])) return feedToAdvisories(document['feed'], problems);
  if (isObject(document) && isObject(document['document'])) {
    const advisory = csafToAdvisory(document, 'jvn', problems);
    return advisory ? [advisory] : [];
  }
  problems.add('$', undefined, 'not a MyJVN JSON document (neither feed nor document)', 'bad_format');
  return [];
}

function feedToAdvisories(feed: Record<string, unknown>, problems: FeedProblems): NormalisedAdvisory[] {
  const advisories: NormalisedAdvisory[] = [];
  const lang = text(feed['lang']) ?? 'ja';
  array(feed['entry']).forEach((entry, index) => {
    const path = jsonPath('$.feed.entry', index);
    if (!isObject(entry)) {
      problems.add(path, undefined, 'an entry must be an object', 'bad_format');
      return;
    }
    const id = text(entry['id']);
    const title = text(entry['title']);
    const lastModified = text(entry['modified']) ?? text(entry['created']);
    if (!id) problems.add(jsonPath(path, 'id'), 'id', 'the entry has no id', 'missing');
    if (!title) problems.add(jsonPath(path, 'title'), 'title', 'the entry has no title', 'missing');
    if (!lastModified)
      problems.add(jsonPath(path, 'modified'), 'modified', 'the entry has no modification time', 'missing');
    const terms = productTerms(entry, path, problems);
    if (!id || !title || !lastModified) return;
    const link = text(entry['link']) ?? '';
    advisories.push({
      source: 'jvn',
      trackingId: id,
      title,
      language: lang.startsWith('en') ? 'en' : 'ja',
      summary: text(entry['summary']) ?? '',
      cves: [
        ...new Set(
          array(entry['references'])
            .map((reference) => (isObject(reference) ? text(reference['summary']) : undefined))
            .filter((value): value is string => value !== undefined && /^CVE-\d{4}-\d{4,}$/.test(value)),
        ),
      ],
      published: text(entry['public']) ?? text(entry['created']) ?? null,
      lastModified,
      scores: entryScores(entry),
      kev: null,
      references: [
        ...new Set(
          [
            link,
            ...array(entry['references']).map((reference) =>
              isObject(reference) ? text(reference['url']) : undefined,
            ),
          ].filter((url): url is string => url !== undefined && url !== ''),
        ),
      ],
      remediations: [],
      rules: terms.length > 0 ? [{ groups: [terms] }] : [],
    });
  });
  return advisories;
}

function productTerms(entry: Record<string, unknown>, path: string, problems: FeedProblems): RuleTerm[] {
  const products = array(entry['products']).filter(isObject);
  const identified = products.map((product, index) => ({
    product,
    identifier: identifierOf(product, jsonPath(jsonPath(path, 'products'), index), problems),
  }));
  const key = (identifier: SelectorWithVersion | undefined, product: Record<string, unknown>): string =>
    identifier
      ? JSON.stringify(identifier.selector)
      : `${text(product['vname']) ?? ''}\u0000${text(product['pname']) ?? ''}`;
  const versioned = new Set(
    identified
      .filter(({ product, identifier }) => text(product['version']) ?? identifier?.version)
      .map(({ product, identifier }) => key(identifier, product)),
  );
  const terms: RuleTerm[] = [];
  for (const { product, identifier } of identified) {
    const selector = identifier?.selector ?? {
      kind: 'name' as const,
      vendor: text(product['vname']) ?? '',
      product: text(product['pname']) ?? '',
    };
    const version = text(product['version']) ?? identifier?.version;
    if (version) terms.push({ selector, versions: exactVersion(version), vulnerable: true });
    else if (!versioned.has(key(identifier, product))) {
      const label = productLabel(text(product['vname']), text(product['pname']));
      terms.push({ selector, versions: overviewVersions(label, text(entry['link']) ?? ''), vulnerable: true });
    }
  }
  return terms;
}

function identifierOf(
  product: Record<string, unknown>,
  path: string,
  problems: FeedProblems,
): SelectorWithVersion | undefined {
  const ids = isObject(product['product_ids']) ? product['product_ids'] : {};
  const cpe = text(ids['cpe']);
  if (cpe) {
    const selector = cpeSelector(cpe);
    if (!selector)
      problems.add(jsonPath(jsonPath(path, 'product_ids'), 'cpe'), 'cpe', `not a CPE name: ${cpe}`, 'not_a_cpe');
    return selector;
  }
  const purl = array(ids['id_refs'])
    .filter(isObject)
    .find((ref) => ref['nameType'] === 'purl');
  return purl && text(purl['value']) ? purlSelector(text(purl['value'])!) : undefined;
}

function entryScores(entry: Record<string, unknown>): AdvisoryScore[] {
  const found = new Map<string, AdvisoryScore>();
  for (const metric of array(entry['metrics']).filter(isObject)) {
    const content = isObject(metric['content']) ? metric['content'] : {};
    for (const key of ['cvss_v4', 'cvss_v3', 'cvss_v2']) {
      const data = content[key];
      const score = isObject(data) ? feedScore(data['version'], data['baseScore'], data['vectorString']) : undefined;
      if (score && !found.has(score.version)) found.set(score.version, score);
    }
  }
  return [...found.values()];
}
