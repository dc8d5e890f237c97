import type {
  AdvisoryRemediation,
  AdvisoryScore,
  AffectedRule,
  NormalisedAdvisory,
  RuleTerm,
} from '../../../core/vulnerabilities/advisory.types';
import { feedScore } from '../../../core/vulnerabilities/feed-severity';
import { parseJvnVersionText } from '../../../core/vulnerabilities/jvn-version-text';
import { array, isObject, type FeedProblems } from '../feed-problems';
import { cpeSelector, exactVersion } from '../feed-selectors';
import { xmlAttribute, xmlText } from './jvn-xml';

// JVN iPedia VULDEF (getVulnDetailInfo) and JVNRSS (getVulnOverviewList) → advisories (issue 13).
// VULDEF lists affected products with a CPE 2.2 and Japanese version phrases, read by
// parseJvnVersionText (unclear phrases stay unparsed for the confirmation queue). An item
// without CPE is matched by vendor and product name. JVNRSS overview items name products (CPE)
// but no versions: their terms are unparsed ("versions not listed"), so nothing matches until the
// detail is imported or a person confirms a range — an overview never matches every version.

const CVE = /^CVE-\d{4}-\d{4,}$/;

/** Every advisory of a VULDEF document (`VULDEF-Document/Vulinfo`). */
export function vuldefToAdvisories(root: Record<string, unknown>, problems: FeedProblems): NormalisedAdvisory[] {
  const document = root['VULDEF-Document'];
  if (!isObject(document)) {
    problems.add('/VULDEF-Document', undefined, 'not a VULDEF document', 'bad_format');
    return [];
  }
  const language = (xmlAttribute(document, 'lang') ?? 'ja').startsWith('en') ? 'en' : 'ja';
  const advisories: NormalisedAdvisory[] = [];
  array(document['Vulinfo']).forEach((vulinfo, index) => {
    const path = `/VULDEF-Document/Vulinfo[${index + 1}]`;
    const advisory = vulinfoToAdvisory(vulinfo, path, language, problems);
    if (advisory) advisories.push(advisory);
  });
  return advisories;
}

function vulinfoToAdvisory(
  vulinfo: unknown,
  path: string,
  language: 'ja' | 'en',
  problems: FeedProblems,
): NormalisedAdvisory | undefined {
  const id = isObject(vulinfo) ? xmlText(vulinfo['VulinfoID']) : undefined;
  const data = isObject(vulinfo) && isObject(vulinfo['VulinfoData']) ? vulinfo['VulinfoData'] : undefined;
  if (!id) problems.add(`${path}/VulinfoID`, 'VulinfoID', 'the advisory has no VulinfoID', 'missing');
  if (!data) problems.add(`${path}/VulinfoData`, 'VulinfoData', 'the advisory has no VulinfoData', 'missing');
  if (!id || !data) return undefined;
  const dataPath = `${path}/VulinfoData`;
  const title = xmlText(data['Title']);
  if (!title) problems.add(`${dataPath}/Title`, 'Title', 'the advisory has no title', 'missing');
  const lastModified = xmlText(data['DateLastUpdated']) ?? xmlText(data['DateFirstPublished']);
  if (!lastModified)
    problems.add(`${dataPath}/DateLastUpdated`, 'DateLastUpdated', 'the advisory has no update date', 'missing');

  const rules: AffectedRule[] = [];
  const affected = isObject(data['Affected']) ? array(data['Affected']['AffectedItem']) : [];
  affected.forEach((item, index) => {
    const rule = affectedItemToRule(item, `${dataPath}/Affected/AffectedItem[${index + 1}]`, problems);
    if (rule) rules.push(rule);
  });
  if (!title || !lastModified) return undefined;

  const impact = isObject(data['Impact']) ? data['Impact'] : {};
  const related = isObject(data['Related']) ? array(data['Related']['RelatedItem']).filter(isObject) : [];
  const description = isObject(data['VulinfoDescription'])
    ? xmlText(data['VulinfoDescription']['Overview'])
    : undefined;
  return {
    source: 'jvn',
    trackingId: id,
    title,
    language,
    summary: plainText(description ?? ''),
    cves: unique(
      related
        .map((item) => xmlText(item['VulinfoID']))
        .filter((value): value is string => value !== undefined && CVE.test(value)),
    ),
    published: xmlText(data['DateFirstPublished']) ?? xmlText(data['DatePublic']) ?? null,
    lastModified,
    scores: array(impact['Cvss'])
      .map((cvss) =>
        isObject(cvss)
          ? feedScore(xmlAttribute(cvss, 'version'), xmlText(cvss['Base']), xmlText(cvss['Vector']))
          : undefined,
      )
      .filter((score): score is AdvisoryScore => score !== undefined),
    kev: null,
    references: unique(related.map((item) => xmlText(item['URL'])).filter((url): url is string => url !== undefined)),
    remediations: solutionsOf(data['Solution']),
    rules,
  };
}

function affectedItemToRule(item: unknown, path: string, problems: FeedProblems): AffectedRule | undefined {
  if (!isObject(item)) return undefined;
  const vendor = xmlText(item['Name']) ?? '';
  const product = xmlText(item['ProductName']) ?? '';
  const cpes = array(item['Cpe'])
    .map((cpe, index) => {
      const value = xmlText(cpe);
      const selector = value ? cpeSelector(value) : undefined;
      if (!selector) problems.add(`${path}/Cpe[${index + 1}]`, 'Cpe', `not a CPE name: ${value ?? ''}`, 'not_a_cpe');
      return selector;
    })
    .filter((selector) => selector !== undefined);
  if (cpes.length === 0 && vendor === '' && product === '') {
    problems.add(path, 'Cpe', 'an affected item needs a CPE or a vendor and product name', 'missing');
    return undefined;
  }
  const texts = array(item['VersionNumber'])
    .map(xmlText)
    .filter((value): value is string => value !== undefined);
  const selectors = cpes.length > 0 ? cpes : [{ selector: { kind: 'name' as const, vendor, product } }];
  const terms: RuleTerm[] = [];
  for (const { selector, version } of selectors) {
    if (texts.length > 0)
      for (const phrase of texts) terms.push({ selector, versions: parseJvnVersionText(phrase), vulnerable: true });
    else terms.push({ selector, versions: version ? exactVersion(version) : { kind: 'all' }, vulnerable: true });
  }
  return { groups: [terms] };
}

function solutionsOf(solution: unknown): AdvisoryRemediation[] {
  if (!isObject(solution)) return [];
  return array(solution['SolutionItem'])
    .map((item) => (isObject(item) ? xmlText(item['Description']) : undefined))
    .filter((value): value is string => value !== undefined)
    .map((description) => ({ category: remediationCategory(description), text: plainText(description), url: null }));
}

/** JVN starts a solution with a bracketed action: [パッチを適用する], [アップデートする], [ワークアラウンドを実施する]. */
function remediationCategory(description: string): string {
  if (/^\[(?:パッチ|アップデート|最新版)/.test(description)) return 'vendor_fix';
  if (/^\[ワークアラウンド/.test(description)) return 'workaround';
  return 'mitigation';
}

/** Every item of a JVNRSS overview list (`rdf:RDF/item`). */
export function jvnRssToAdvisories(root: Record<string, unknown>, problems: FeedProblems): NormalisedAdvisory[] {
  const rdf = root['RDF'];
  if (!isObject(rdf)) {
    problems.add('/rdf:RDF', undefined, 'not a JVNRSS document', 'bad_format');
    return [];
  }
  const advisories: NormalisedAdvisory[] = [];
  array(rdf['item']).forEach((item, index) => {
    const path = `/rdf:RDF/item[${index + 1}]`;
    if (!isObject(item)) return;
    const id = xmlText(item['identifier']);
    const title = xmlText(item['title']);
    const lastModified = xmlText(item['modified']) ?? xmlText(item['date']);
    if (!id) problems.add(`${path}/sec:identifier`, 'sec:identifier', 'the item has no identifier', 'missing');
    if (!title) problems.add(`${path}/title`, 'title', 'the item has no title', 'missing');
    if (!lastModified)
      problems.add(`${path}/dcterms:modified`, 'dcterms:modified', 'the item has no modification date', 'missing');
    const link = xmlText(item['link']) ?? '';
    const terms: RuleTerm[] = [];
    array(item['cpe']).forEach((cpe, cpeIndex) => {
      const value = xmlText(cpe);
      const selector = value ? cpeSelector(value) : undefined;
      if (!selector) {
        problems.add(`${path}/sec:cpe[${cpeIndex + 1}]`, 'sec:cpe', `not a CPE name: ${value ?? ''}`, 'not_a_cpe');
        return;
      }
      const label = productLabel(xmlAttribute(cpe, 'vendor'), xmlAttribute(cpe, 'product'));
      terms.push({ selector: selector.selector, versions: overviewVersions(label, link), vulnerable: true });
    });
    if (!id || !title || !lastModified) return;
    const references = array(item['references']);
    advisories.push({
      source: 'jvn',
      trackingId: id,
      title,
      language: 'ja',
      summary: plainText(xmlText(item['description']) ?? ''),
      cves: unique(
        references
          .map((reference) => xmlAttribute(reference, 'id'))
          .filter((value): value is string => value !== undefined && CVE.test(value)),
      ),
      published: xmlText(item['issued']) ?? null,
      lastModified,
      scores: array(item['cvss'])
        .map((cvss) =>
          feedScore(xmlAttribute(cvss, 'version'), xmlAttribute(cvss, 'score'), xmlAttribute(cvss, 'vector')),
        )
        .filter((score): score is AdvisoryScore => score !== undefined),
      kev: null,
      references: unique(
        [link, ...references.map(xmlText)].filter((url): url is string => url !== undefined && url !== ''),
      ),
      remediations: [],
      rules: terms.length > 0 ? [{ groups: [terms] }] : [],
    });
  });
  return advisories;
}

/** "Vendor Product" for messages, the vendor left out when the product name already holds it. */
export function productLabel(vendor: string | undefined, product: string | undefined): string {
  if (!product) return vendor ?? '';
  return vendor && !product.startsWith(vendor) ? `${vendor} ${product}` : product;
}

/** The unparsed constraint of a product named in an overview without versions. */
export function overviewVersions(product: string, link: string): { kind: 'unparsed'; text: string } {
  const what = product === '' ? 'versions' : `${product}: versions`;
  return { kind: 'unparsed', text: `${what} not listed in the JVN overview${link ? ` (${link})` : ''}` };
}

/** Text without the HTML markup JVN escapes into its descriptions (`<ul><li>…`). */
function plainText(value: string): string {
  return value
    .replace(/<\/?(?:li|br|p|ul|ol)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
