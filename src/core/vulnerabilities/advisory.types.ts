// The advisory model every feed is normalised into (issue 13). NVD, JVN, CSAF and OSV importers
// (src/integrations/feeds) produce `NormalisedAdvisory`; the store keeps it; the matcher reads
// its `rules`. Facts only: no feed-specific shapes leak past the importer.

/** Where an advisory came from. */
export const ADVISORY_SOURCES = ['nvd', 'jvn', 'csaf', 'osv'] as const;
export type AdvisorySource = (typeof ADVISORY_SOURCES)[number];

/** Qualitative severity, as CVSS v3/v4 name it (v2 scores are banded the same way). */
export const SEVERITY_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export interface AdvisoryScore {
  readonly version: '2.0' | '3.0' | '3.1' | '4.0';
  readonly baseScore: number;
  readonly vector: string;
  readonly level: SeverityLevel;
}

/** CISA Known Exploited Vulnerabilities fields, when the advisory carries them. */
export interface KevEntry {
  readonly dateAdded: string;
  readonly dueDate: string | null;
  readonly requiredAction: string | null;
}

/**
 * Version schemes we compare (our own comparators on the `vers` model). `generic` is dotted
 * numbers with letters; `vendor` covers forms such as "V4.00", "R4", "v6 R4", "00.07.03.4".
 */
export const VERSION_SCHEMES = ['semver', 'deb', 'rpm', 'generic', 'vendor'] as const;
export type VersionScheme = (typeof VERSION_SCHEMES)[number];

/**
 * Which versions a rule term covers. `all` = every version; `range` = bounds on the vers model
 * (any bound may be absent; `exact` alone = one version); `unparsed` = a text no parser could read
 * with certainty (CSAF free text, a JVN phrase we do not know): it goes to the confirmation queue
 * and never matches until a person confirms a range for it.
 */
export type VersionConstraint =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'range';
      readonly scheme: VersionScheme;
      readonly exact?: string;
      readonly startIncluding?: string;
      readonly startExcluding?: string;
      readonly endIncluding?: string;
      readonly endExcluding?: string;
    }
  | { readonly kind: 'unparsed'; readonly text: string };

/**
 * What product a term is about. `cpe` is a CPE 2.3 formatted string (JVN's CPE 2.2 converted),
 * its version part usually `*` with the versions in the constraint; `purl` a package URL without
 * version; `name` a vendor and product name as written in the advisory (CSAF branches without
 * CPE or purl), matched by normalised names with lower confidence.
 */
export type ProductSelector =
  | { readonly kind: 'cpe'; readonly cpe: string }
  | { readonly kind: 'purl'; readonly purl: string }
  | { readonly kind: 'name'; readonly vendor: string; readonly product: string };

/** One product + versions. `vulnerable: false` marks a platform condition (NVD), not an affected product. */
export interface RuleTerm {
  readonly selector: ProductSelector;
  readonly versions: VersionConstraint;
  readonly vulnerable: boolean;
}

/**
 * One way an identity can be affected, in disjunctive normal form: the identity matches when
 * every group has at least one term that matches it (AND of ORs). NVD's "firmware < 1.3 running
 * on hardware CAM-100" is two groups; a plain list of affected products is one group per product.
 */
export interface AffectedRule {
  readonly groups: ReadonlyArray<ReadonlyArray<RuleTerm>>;
}

export interface AdvisoryRemediation {
  readonly category: string;
  readonly text: string;
  readonly url: string | null;
}

/** A vulnerability advisory after import, whatever its source. */
export interface NormalisedAdvisory {
  readonly source: AdvisorySource;
  /** CVE id (NVD), JVNDB id (JVN), document tracking id (CSAF), OSV id. Unique per source. */
  readonly trackingId: string;
  readonly title: string;
  /** The language the title and summary are written in. */
  readonly language: 'ja' | 'en';
  readonly summary: string;
  readonly cves: readonly string[];
  readonly published: string | null;
  readonly lastModified: string;
  readonly scores: readonly AdvisoryScore[];
  readonly kev: KevEntry | null;
  readonly references: readonly string[];
  readonly remediations: readonly AdvisoryRemediation[];
  readonly rules: readonly AffectedRule[];
  /**
   * True when the source withdrew the advisory (NVD `vulnStatus` Rejected, OSV `withdrawn`): the
   * store marks it withdrawn and the matcher ignores it. Absent means not withdrawn.
   */
  readonly withdrawn?: boolean;
}
