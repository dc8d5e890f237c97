import { PackageURL } from 'packageurl-js';
import type {
  AdvisoryScore,
  AffectedRule,
  NormalisedAdvisory,
  ProductSelector,
  RuleTerm,
  VersionConstraint,
  VersionScheme,
} from '../../../core/vulnerabilities/advisory.types';
import { cvss3BaseScore } from '../../../core/vulnerabilities/feed-cvss3';
import { feedScore } from '../../../core/vulnerabilities/feed-severity';
import { array, isObject, jsonPath, text, type FeedProblems } from '../feed-problems';
import { purlSelector, uniqueRules } from '../feed-selectors';

// One OSV record → NormalisedAdvisory (issue 13). Each `affected[]` entry is one rule with one
// OR group: a term per interval of its SEMVER/ECOSYSTEM ranges (events introduced / fixed /
// last_affected, in order), or, when it has no such range, a term per listed version.
// GIT ranges are skipped: they are commit hashes, which no device or SBOM version can be compared
// with; an entry with only GIT ranges and no versions makes no rule. The selector is the entry's
// purl (version removed) or one built with packageurl-js from ecosystem + name.

const SCHEME_BY_ECOSYSTEM: ReadonlyArray<readonly [RegExp, VersionScheme]> = [
  [/^(?:Debian|Ubuntu)\b/, 'deb'],
  [/^(?:Red Hat|AlmaLinux|Rocky Linux|openSUSE|SUSE|Mageia|openEuler)\b/, 'rpm'],
  [/^(?:npm|crates\.io|Go|NuGet|Hex|Pub|SwiftURL)\b/, 'semver'],
];

const PURL_BY_ECOSYSTEM: ReadonlyArray<readonly [RegExp, string, string | undefined]> = [
  [/^npm\b/, 'npm', undefined],
  [/^PyPI\b/, 'pypi', undefined],
  [/^Go\b/, 'golang', undefined],
  [/^crates\.io\b/, 'cargo', undefined],
  [/^Maven\b/, 'maven', undefined],
  [/^NuGet\b/, 'nuget', undefined],
  [/^RubyGems\b/, 'gem', undefined],
  [/^Packagist\b/, 'composer', undefined],
  [/^Hex\b/, 'hex', undefined],
  [/^Pub\b/, 'pub', undefined],
  [/^Debian\b/, 'deb', 'debian'],
  [/^Ubuntu\b/, 'deb', 'ubuntu'],
  [/^Alpine\b/, 'apk', 'alpine'],
  [/^Red Hat\b/, 'rpm', 'redhat'],
  [/^AlmaLinux\b/, 'rpm', 'almalinux'],
  [/^Rocky Linux\b/, 'rpm', 'rocky-linux'],
  [/^(?:openSUSE|SUSE)\b/, 'rpm', 'opensuse'],
];

/** The version scheme of an OSV ecosystem. */
export function osvScheme(ecosystem: string): VersionScheme {
  return SCHEME_BY_ECOSYSTEM.find(([pattern]) => pattern.test(ecosystem))?.[1] ?? 'generic';
}

/** Converts the record at `path` ('$' for a file of one record). */
export function osvToAdvisory(record: unknown, path: string, problems: FeedProblems): NormalisedAdvisory | undefined {
  if (!isObject(record)) {
    problems.add(path, undefined, 'an OSV record must be an object', 'bad_format');
    return undefined;
  }
  const id = text(record['id']);
  const modified = text(record['modified']);
  if (!id) problems.add(jsonPath(path, 'id'), 'id', 'the record has no id', 'missing');
  if (!modified) problems.add(jsonPath(path, 'modified'), 'modified', 'the record has no modified time', 'missing');
  const rules: AffectedRule[] = [];
  if (record['affected'] !== undefined && !Array.isArray(record['affected'])) {
    problems.add(jsonPath(path, 'affected'), 'affected', 'affected must be an array', 'bad_format');
  }
  array(record['affected']).forEach((affected, index) => {
    const rule = affectedToRule(affected, jsonPath(jsonPath(path, 'affected'), index), problems);
    if (rule) rules.push(rule);
  });
  if (!id || !modified) return undefined;
  const aliases = [...array(record['aliases']), ...array(record['upstream'])].map(text);
  const cves = [id, ...aliases].filter(
    (value): value is string => value !== undefined && /^CVE-\d{4}-\d{4,}$/.test(value),
  );
  return {
    source: 'osv',
    trackingId: id,
    title: text(record['summary']) ?? id,
    language: 'en',
    summary: text(record['details']) ?? text(record['summary']) ?? '',
    cves: [...new Set(cves)],
    published: text(record['published']) ?? null,
    lastModified: modified,
    scores: osvScores(record['severity']),
    kev: null,
    references: array(record['references'])
      .map((reference) => (isObject(reference) ? text(reference['url']) : undefined))
      .filter((url): url is string => url !== undefined),
    remediations: [],
    rules: uniqueRules(rules),
    ...(text(record['withdrawn']) ? { withdrawn: true } : {}),
  };
}

function affectedToRule(affected: unknown, path: string, problems: FeedProblems): AffectedRule | undefined {
  if (!isObject(affected) || !isObject(affected['package'])) {
    problems.add(jsonPath(path, 'package'), 'package', 'an affected entry needs a package', 'missing');
    return undefined;
  }
  const pkg = affected['package'];
  const ecosystem = text(pkg['ecosystem']) ?? '';
  const name = text(pkg['name']);
  const selector = selectorOf(pkg, ecosystem, name);
  if (!selector) {
    problems.add(
      jsonPath(path, 'package'),
      'purl',
      'the package has neither a purl nor an ecosystem and name',
      'missing',
    );
    return undefined;
  }
  const terms: RuleTerm[] = [];
  array(affected['ranges']).forEach((range, index) => {
    if (!isObject(range) || range['type'] === 'GIT') return;
    const scheme = range['type'] === 'SEMVER' ? 'semver' : osvScheme(ecosystem);
    for (const versions of intervals(range['events'], scheme, jsonPath(jsonPath(path, 'ranges'), index), problems)) {
      terms.push({ selector, versions, vulnerable: true });
    }
  });
  if (terms.length === 0) {
    for (const version of array(affected['versions']).map(text)) {
      if (version)
        terms.push({
          selector,
          versions: { kind: 'range', scheme: osvScheme(ecosystem), exact: version },
          vulnerable: true,
        });
    }
  }
  return terms.length > 0 ? { groups: [terms] } : undefined;
}

function selectorOf(
  pkg: Record<string, unknown>,
  ecosystem: string,
  name: string | undefined,
): ProductSelector | undefined {
  const purl = text(pkg['purl']);
  const fromPurl = purl ? purlSelector(purl) : undefined;
  if (fromPurl) return fromPurl.selector;
  if (!name || ecosystem === '') return undefined;
  const known = PURL_BY_ECOSYSTEM.find(([pattern]) => pattern.test(ecosystem));
  const type = known?.[1] ?? 'generic';
  let namespace = known?.[2];
  let packageName = name;
  if (
    (type === 'maven' || type === 'composer' || type === 'golang' || type === 'npm') &&
    name.includes(type === 'maven' ? ':' : '/')
  ) {
    const separator = type === 'maven' ? ':' : '/';
    const cut = name.lastIndexOf(separator);
    namespace = name.slice(0, cut);
    packageName = name.slice(cut + 1);
  }
  return {
    kind: 'purl',
    purl: new PackageURL(type, namespace, packageName, undefined, undefined, undefined).toString(),
  };
}

function intervals(events: unknown, scheme: VersionScheme, path: string, problems: FeedProblems): VersionConstraint[] {
  const result: VersionConstraint[] = [];
  let start: string | undefined;
  let open = false;
  array(events).forEach((event, index) => {
    if (!isObject(event)) return;
    const introduced = text(event['introduced']);
    const fixed = text(event['fixed']);
    const last = text(event['last_affected']);
    if (introduced !== undefined) {
      start = introduced === '0' ? undefined : introduced;
      open = true;
    } else if (fixed !== undefined || last !== undefined) {
      if (!open) {
        problems.add(
          jsonPath(jsonPath(path, 'events'), index),
          fixed ? 'fixed' : 'last_affected',
          'a fixed or last_affected event needs an introduced event before it',
          'invalid_value',
        );
        return;
      }
      result.push({
        kind: 'range',
        scheme,
        ...(start !== undefined ? { startIncluding: start } : {}),
        ...(fixed !== undefined ? { endExcluding: fixed } : { endIncluding: last }),
      });
      open = false;
      start = undefined;
    }
  });
  if (open) result.push(start !== undefined ? { kind: 'range', scheme, startIncluding: start } : { kind: 'all' });
  return result;
}

function osvScores(severity: unknown): AdvisoryScore[] {
  const scores: AdvisoryScore[] = [];
  for (const entry of array(severity).filter(isObject)) {
    const vector = text(entry['score']);
    if (!vector || (entry['type'] !== 'CVSS_V3' && entry['type'] !== 'CVSS_V31')) continue;
    const computed = cvss3BaseScore(vector);
    const score = computed ? feedScore(computed.version, computed.score, vector) : undefined;
    if (score) scores.push(score);
  }
  return scores;
}
