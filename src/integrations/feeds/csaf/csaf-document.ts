import type {
  AdvisoryRemediation,
  AdvisoryScore,
  AffectedRule,
  NormalisedAdvisory,
  RuleTerm,
  VersionConstraint,
} from '../../../core/vulnerabilities/advisory.types';
import { feedScore } from '../../../core/vulnerabilities/feed-severity';
import { parseVers } from '../../../core/vulnerabilities/feed-vers';
import { array, isObject, jsonPath, text, type FeedProblems } from '../feed-problems';
import { cpeSelector, exactVersion, purlSelector, uniqueRules, type SelectorWithVersion } from '../feed-selectors';

// A CSAF document (2.0; JVN's CSAF-shaped MyJVN JSON too) → NormalisedAdvisory (issue 13).
// Validation is the caller's (csaf-validator-lib for CSAF 2.0); this reads the product tree:
// - branches vendor → product_name → product_version | product_version_range; a product found
//   on the way carries its vendor, name, version and product_identification_helper (cpe, purl);
// - relationships (default_component_of, installed_on, …) → two AND groups: the component, and
//   the platform it relates to as a platform condition (vulnerable: false);
// - known_affected, first_affected, last_affected → one rule per product; fixed,
//   known_not_affected, under_investigation and recommended are not affected and make no rule.
// The selector is the CPE if there is one, else the purl, else vendor + product name (a name
// match). Versions: product_version → exact; a `vers:` range → range(s); other range text
// ("4K | 4.5.181 | 4.5.196", "<= nxg200v-p3-4-1") → unparsed, for a person to confirm; no version
// anywhere (a product_name-level product) → every version.

interface ProductFacts {
  readonly vendor: string;
  readonly product: string;
  readonly versions: readonly VersionConstraint[] | undefined;
  readonly identifier: SelectorWithVersion | undefined;
}

type ProductEntry =
  | { readonly kind: 'product'; readonly facts: ProductFacts }
  | { readonly kind: 'relationship'; readonly component: string; readonly platform: string };

const AFFECTED_STATUSES = ['known_affected', 'first_affected', 'last_affected'] as const;

/** Converts a CSAF-shaped document. Located problems go to `problems`; undefined when unusable. */
export function csafToAdvisory(
  document: unknown,
  source: 'csaf' | 'jvn',
  problems: FeedProblems,
): NormalisedAdvisory | undefined {
  if (!isObject(document) || !isObject(document['document'])) {
    problems.add('$.document', 'document', 'a CSAF document needs a document object', 'missing');
    return undefined;
  }
  const meta = document['document'];
  const tracking = isObject(meta['tracking']) ? meta['tracking'] : undefined;
  const trackingId = text(tracking?.['id']);
  if (!trackingId) problems.add('$.document.tracking.id', 'id', 'the document has no tracking id', 'missing');
  const lastModified = text(tracking?.['current_release_date']);
  if (!lastModified)
    problems.add(
      '$.document.tracking.current_release_date',
      'current_release_date',
      'the document has no current release date',
      'missing',
    );
  const title = text(meta['title']);
  if (!title) problems.add('$.document.title', 'title', 'the document has no title', 'missing');

  const products = new Map<string, ProductEntry>();
  const tree = document['product_tree'];
  if (isObject(tree)) collectProducts(tree, products, problems);

  const vulnerabilities = array(document['vulnerabilities']).filter(isObject);
  const affectedIds = new Set<string>();
  vulnerabilities.forEach((vulnerability, index) => {
    const status = vulnerability['product_status'];
    if (!isObject(status)) return;
    for (const key of AFFECTED_STATUSES) {
      array(status[key]).forEach((id, idIndex) => {
        if (typeof id !== 'string') return;
        if (!products.has(id)) {
          problems.add(
            `$.vulnerabilities[${index}].product_status.${key}[${idIndex}]`,
            key,
            `product ${id} is not defined in the product tree`,
            'invalid_value',
          );
          return;
        }
        affectedIds.add(id);
      });
    }
  });
  if (!trackingId || !lastModified || !title) return undefined;

  const rules: AffectedRule[] = [];
  for (const id of affectedIds) {
    const rule = ruleOf(id, products);
    if (rule) rules.push(rule);
  }
  const lang = text(meta['lang']) ?? '';
  return {
    source,
    trackingId,
    title,
    language: lang.toLowerCase().startsWith('ja') ? 'ja' : 'en',
    summary: summaryOf(meta, vulnerabilities),
    cves: unique(
      vulnerabilities
        .map((vulnerability) => text(vulnerability['cve']))
        .filter((cve): cve is string => cve !== undefined),
    ),
    published: text(tracking?.['initial_release_date']) ?? null,
    lastModified,
    scores: scoresOf(vulnerabilities),
    kev: null,
    references: unique(
      [meta, ...vulnerabilities]
        .flatMap((holder) =>
          array(holder['references']).map((reference) => (isObject(reference) ? text(reference['url']) : undefined)),
        )
        .filter((url): url is string => url !== undefined),
    ),
    remediations: remediationsOf(vulnerabilities),
    rules: uniqueRules(rules),
  };
}

function collectProducts(
  tree: Record<string, unknown>,
  products: Map<string, ProductEntry>,
  problems: FeedProblems,
): void {
  const walk = (
    branches: unknown,
    path: string,
    context: { vendor: string; product: string; versions?: VersionConstraint[] },
  ): void => {
    array(branches).forEach((branch, index) => {
      if (!isObject(branch)) return;
      const branchPath = jsonPath(path, index);
      const name = text(branch['name']) ?? '';
      const category = branch['category'];
      const next = { ...context };
      if (category === 'vendor') next.vendor = name;
      else if (category === 'product_name') next.product = name;
      else if (category === 'product_version') next.versions = [exactVersion(name)];
      else if (category === 'product_version_range')
        next.versions = parseVers(name) ?? [{ kind: 'unparsed', text: name }];
      const product = branch['product'];
      if (isObject(product)) register(product, jsonPath(branchPath, 'product'), next, products, problems);
      walk(branch['branches'], jsonPath(branchPath, 'branches'), next);
    });
  };
  walk(tree['branches'], '$.product_tree.branches', { vendor: '', product: '' });
  array(tree['full_product_names']).forEach((product, index) => {
    if (isObject(product))
      register(product, `$.product_tree.full_product_names[${index}]`, { vendor: '', product: '' }, products, problems);
  });
  array(tree['relationships']).forEach((relationship) => {
    if (!isObject(relationship) || !isObject(relationship['full_product_name'])) return;
    const id = text(relationship['full_product_name']['product_id']);
    const component = text(relationship['product_reference']);
    const platform = text(relationship['relates_to_product_reference']);
    if (id && component && platform) products.set(id, { kind: 'relationship', component, platform });
  });
}

function register(
  product: Record<string, unknown>,
  path: string,
  context: { vendor: string; product: string; versions?: VersionConstraint[] },
  products: Map<string, ProductEntry>,
  problems: FeedProblems,
): void {
  const id = text(product['product_id']);
  if (!id) return;
  const helper = isObject(product['product_identification_helper']) ? product['product_identification_helper'] : {};
  let identifier: SelectorWithVersion | undefined;
  const cpe = text(helper['cpe']);
  if (cpe) {
    identifier = cpeSelector(cpe);
    if (!identifier)
      problems.add(
        jsonPath(jsonPath(path, 'product_identification_helper'), 'cpe'),
        'cpe',
        `not a CPE name: ${cpe}`,
        'not_a_cpe',
      );
  }
  const purl =
    text(helper['purl']) ??
    array(helper['purls'])
      .map(text)
      .find((value) => value !== undefined);
  if (!identifier && purl) identifier = purlSelector(purl);
  products.set(id, {
    kind: 'product',
    facts: {
      vendor: context.vendor,
      product: context.product || (text(product['name']) ?? id),
      versions: context.versions,
      identifier,
    },
  });
}

function termsOf(
  id: string,
  products: Map<string, ProductEntry>,
  vulnerable: boolean,
  depth = 0,
): RuleTerm[][] | undefined {
  const entry = products.get(id);
  if (!entry || depth > 8) return undefined;
  if (entry.kind === 'relationship') {
    const component = termsOf(entry.component, products, vulnerable, depth + 1);
    const platform = termsOf(entry.platform, products, false, depth + 1);
    return component && platform ? [...component, ...platform] : component;
  }
  const { facts } = entry;
  const selector = facts.identifier?.selector ?? {
    kind: 'name' as const,
    vendor: facts.vendor,
    product: facts.product,
  };
  const versions =
    facts.versions ??
    (facts.identifier?.version ? [exactVersion(facts.identifier.version)] : [{ kind: 'all' as const }]);
  return [versions.map((constraint) => ({ selector, versions: constraint, vulnerable }))];
}

function ruleOf(id: string, products: Map<string, ProductEntry>): AffectedRule | undefined {
  const groups = termsOf(id, products, true);
  return groups && groups.length > 0 ? { groups } : undefined;
}

function summaryOf(meta: Record<string, unknown>, vulnerabilities: Record<string, unknown>[]): string {
  const notes = [meta, ...vulnerabilities].flatMap((holder) => array(holder['notes']).filter(isObject));
  const preferred = ['summary', 'description', 'general'];
  for (const category of preferred) {
    const note = notes.find((candidate) => candidate['category'] === category && text(candidate['text']));
    if (note) return text(note['text'])!;
  }
  return '';
}

function scoresOf(vulnerabilities: Record<string, unknown>[]): AdvisoryScore[] {
  const found = new Map<string, AdvisoryScore>();
  const consider = (holder: Record<string, unknown>): void => {
    for (const key of ['cvss_v4', 'cvss_v3', 'cvss_v2']) {
      const data = holder[key];
      if (!isObject(data)) continue;
      const score = feedScore(data['version'], data['baseScore'], data['vectorString']);
      const kept = score ? found.get(score.version) : undefined;
      if (score && (!kept || score.baseScore > kept.baseScore)) found.set(score.version, score);
    }
  };
  for (const vulnerability of vulnerabilities) {
    array(vulnerability['scores']).filter(isObject).forEach(consider);
    array(vulnerability['metrics'])
      .filter(isObject)
      .forEach((metric) => {
        if (isObject(metric['content'])) consider(metric['content']);
      });
  }
  return [...found.values()];
}

function remediationsOf(vulnerabilities: Record<string, unknown>[]): AdvisoryRemediation[] {
  const seen = new Set<string>();
  const result: AdvisoryRemediation[] = [];
  for (const vulnerability of vulnerabilities) {
    for (const remediation of array(vulnerability['remediations']).filter(isObject)) {
      const category = text(remediation['category']) ?? 'other';
      const details = text(remediation['details']) ?? '';
      const url = text(remediation['url']) ?? null;
      const key = `${category}\u0000${details}\u0000${url ?? ''}`;
      if (seen.has(key) || (details === '' && url === null)) continue;
      seen.add(key);
      result.push({ category, text: details, url });
    }
  }
  return result;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
