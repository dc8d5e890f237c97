import type {
  AdvisoryScore,
  AffectedRule,
  KevEntry,
  NormalisedAdvisory,
  RuleTerm,
  VersionConstraint,
} from '../../../core/vulnerabilities/advisory.types';
import { splitCpe23, unescapeCpeValue, withCpeVersion } from '../../../core/vulnerabilities/feed-cpe23';
import { feedScore } from '../../../core/vulnerabilities/feed-severity';
import { guessRangeScheme } from '../../../core/vulnerabilities/feed-version-scheme';
import { array, isObject, jsonPath, text, type FeedProblems } from '../feed-problems';

// One NVD CVE record (CVE API 2.0 / JSON 2.0 `cve` object) → NormalisedAdvisory (issue 13).
//
// Configurations become rules in disjunctive normal form:
// - configuration operator AND: one rule, one group per node ("firmware < 1.3" AND "hardware CAM-100");
// - operator OR or none: every node is a rule of its own (the nodes are alternatives);
// - inside a node, operator OR (or none) makes its cpeMatches one group, AND makes one group each.
// `vulnerable: false` matches are platform conditions and stay in their group with vulnerable:false.
// A negated node (`negate: true`, "not running on X") cannot be written in AND-of-OR form without
// negation; it is left out of its rule, which makes the rule broader — a possible false positive
// that triage can dismiss, never a missed device. A rule that has no vulnerable term is dropped.

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

const METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'] as const;

/**
 * Converts the `cve` object at `path` (e.g. `$.vulnerabilities[3].cve`). Problems are added to
 * `problems` (the caller throws them); undefined is returned when the record cannot be used.
 */
export function nvdCveToAdvisory(cve: unknown, path: string, problems: FeedProblems): NormalisedAdvisory | undefined {
  if (!isObject(cve)) {
    problems.add(path, 'cve', 'a CVE record must be an object', 'bad_format');
    return undefined;
  }
  const before = problems.list.length;
  const id = text(cve['id']);
  if (!id || !CVE_ID.test(id))
    problems.add(jsonPath(path, 'id'), 'id', `not a CVE id: ${String(cve['id'])}`, id ? 'bad_format' : 'missing');
  const lastModified = text(cve['lastModified']);
  if (!lastModified)
    problems.add(jsonPath(path, 'lastModified'), 'lastModified', 'the record has no lastModified time', 'missing');
  const rules = configurationsToRules(cve['configurations'], jsonPath(path, 'configurations'), problems);
  if (problems.list.length > before || !id || !lastModified) return undefined;

  const descriptions = array(cve['descriptions']).filter(isObject);
  const english = descriptions.find((entry) => entry['lang'] === 'en') ?? descriptions[0];
  const summary = text(english?.['value']) ?? '';
  const status = text(cve['vulnStatus']);
  return {
    source: 'nvd',
    trackingId: id,
    title: id,
    language: 'en',
    summary,
    cves: [id],
    published: text(cve['published']) ?? null,
    lastModified,
    scores: nvdScores(cve['metrics']),
    kev: nvdKev(cve),
    references: array(cve['references'])
      .map((reference) => (isObject(reference) ? text(reference['url']) : undefined))
      .filter((url): url is string => url !== undefined),
    remediations: [],
    rules,
    ...(status === 'Rejected' ? { withdrawn: true } : {}),
  };
}

/** One score per CVSS version, the NVD's own (Primary) before a CNA's (Secondary). */
function nvdScores(metrics: unknown): AdvisoryScore[] {
  if (!isObject(metrics)) return [];
  const scores: AdvisoryScore[] = [];
  for (const key of METRIC_KEYS) {
    const entries = array(metrics[key]).filter(isObject);
    const chosen = entries.find((entry) => entry['type'] === 'Primary') ?? entries[0];
    const data = chosen?.['cvssData'];
    if (!isObject(data)) continue;
    const score = feedScore(data['version'], data['baseScore'], data['vectorString']);
    if (score) scores.push(score);
  }
  return scores;
}

function nvdKev(cve: Record<string, unknown>): KevEntry | null {
  const dateAdded = text(cve['cisaExploitAdd']);
  if (!dateAdded) return null;
  return {
    dateAdded,
    dueDate: text(cve['cisaActionDue']) ?? null,
    requiredAction: text(cve['cisaRequiredAction']) ?? null,
  };
}

function configurationsToRules(value: unknown, path: string, problems: FeedProblems): AffectedRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(path, 'configurations', 'configurations must be an array', 'bad_format');
    return [];
  }
  const rules: AffectedRule[] = [];
  value.forEach((configuration, index) => {
    const configPath = jsonPath(path, index);
    if (!isObject(configuration) || !Array.isArray(configuration['nodes'])) {
      problems.add(configPath, 'nodes', 'a configuration must be an object with a nodes array', 'bad_format');
      return;
    }
    const operator = configuration['operator'];
    if (operator !== undefined && operator !== 'AND' && operator !== 'OR') {
      problems.add(
        jsonPath(configPath, 'operator'),
        'operator',
        `operator must be AND or OR, not ${String(operator)}`,
        'not_allowed_value',
      );
      return;
    }
    const nodes = configuration['nodes'].map((node, nodeIndex) =>
      nodeToGroups(node, jsonPath(jsonPath(configPath, 'nodes'), nodeIndex), problems),
    );
    const kept = nodes.filter((groups): groups is RuleTerm[][] => groups !== undefined);
    const candidates: AffectedRule[] =
      operator === 'AND' ? [{ groups: kept.flat() }] : kept.map((groups) => ({ groups }));
    for (const rule of candidates) {
      if (rule.groups.length > 0 && rule.groups.some((group) => group.some((term) => term.vulnerable)))
        rules.push(rule);
    }
  });
  return rules;
}

/** A node → its groups; undefined for a negated node (see the file comment) or a broken one. */
function nodeToGroups(node: unknown, path: string, problems: FeedProblems): RuleTerm[][] | undefined {
  if (!isObject(node) || !Array.isArray(node['cpeMatch'])) {
    problems.add(path, 'cpeMatch', 'a node must be an object with a cpeMatch array', 'bad_format');
    return undefined;
  }
  const operator = node['operator'];
  if (operator !== undefined && operator !== 'AND' && operator !== 'OR') {
    problems.add(
      jsonPath(path, 'operator'),
      'operator',
      `operator must be AND or OR, not ${String(operator)}`,
      'not_allowed_value',
    );
    return undefined;
  }
  const terms = node['cpeMatch'].map((match, index) =>
    cpeMatchToTerm(match, jsonPath(jsonPath(path, 'cpeMatch'), index), problems),
  );
  const valid = terms.filter((term): term is RuleTerm => term !== undefined);
  if (node['negate'] === true || valid.length !== terms.length || valid.length === 0) return undefined;
  return operator === 'AND' ? valid.map((term) => [term]) : [valid];
}

const BOUND_KEYS = [
  'versionStartIncluding',
  'versionStartExcluding',
  'versionEndIncluding',
  'versionEndExcluding',
] as const;

function cpeMatchToTerm(match: unknown, path: string, problems: FeedProblems): RuleTerm | undefined {
  if (!isObject(match)) {
    problems.add(path, undefined, 'a cpeMatch entry must be an object', 'bad_format');
    return undefined;
  }
  const criteria = text(match['criteria']);
  const parts = criteria ? splitCpe23(criteria) : undefined;
  if (!parts) {
    problems.add(
      jsonPath(path, 'criteria'),
      'criteria',
      `not a CPE 2.3 name: ${String(match['criteria'])}`,
      criteria ? 'not_a_cpe' : 'missing',
    );
    return undefined;
  }
  if (typeof match['vulnerable'] !== 'boolean') {
    problems.add(jsonPath(path, 'vulnerable'), 'vulnerable', 'vulnerable must be true or false', 'not_a_boolean');
    return undefined;
  }
  const bounds: Partial<Record<(typeof BOUND_KEYS)[number], string>> = {};
  for (const key of BOUND_KEYS) {
    const value = match[key];
    if (value === undefined) continue;
    const bound = text(value);
    if (!bound) {
      problems.add(jsonPath(path, key), key, `${key} must be a non-empty string`, 'blank');
      return undefined;
    }
    bounds[key] = bound;
  }
  return {
    // NA ("-", e.g. hardware without versions) stays NA: only ANY becomes the versionless product.
    selector: { kind: 'cpe', cpe: withCpeVersion(parts, parts[3] === '-' ? '-' : '*') },
    versions: versionsOf(parts[3]!, bounds),
    vulnerable: match['vulnerable'],
  };
}

function versionsOf(
  cpeVersion: string,
  bounds: Partial<Record<(typeof BOUND_KEYS)[number], string>>,
): VersionConstraint {
  const values = [
    bounds.versionStartIncluding,
    bounds.versionStartExcluding,
    bounds.versionEndIncluding,
    bounds.versionEndExcluding,
  ];
  if (values.some((value) => value !== undefined)) {
    return {
      kind: 'range',
      scheme: guessRangeScheme(values),
      ...(bounds.versionStartIncluding !== undefined ? { startIncluding: bounds.versionStartIncluding } : {}),
      ...(bounds.versionStartExcluding !== undefined ? { startExcluding: bounds.versionStartExcluding } : {}),
      ...(bounds.versionEndIncluding !== undefined ? { endIncluding: bounds.versionEndIncluding } : {}),
      ...(bounds.versionEndExcluding !== undefined ? { endExcluding: bounds.versionEndExcluding } : {}),
    };
  }
  // `*` is any version; `-` "not applicable" (hardware without versions) has no versions to
  // bound: the selector keeps the NA and the matcher admits only identities naming NA.
  if (cpeVersion === '*' || cpeVersion === '-') return { kind: 'all' };
  const exact = unescapeCpeValue(cpeVersion);
  return { kind: 'range', scheme: guessRangeScheme([exact]), exact };
}
