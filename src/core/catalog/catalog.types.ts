/** The two languages every user-visible text exists in. Japanese first. */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type LocalizedText = Readonly<Record<Language, string>>;

/** `group` is the top level of a guideline framework (its items sit under groups). */
export type NodeKind = 'function' | 'category' | 'item' | 'check' | 'subcategory' | 'group';

/** checksheet: jssec-v2 (functions → categories → items → checks); csf: NIST CSF; guideline: groups → items. */
export const FRAMEWORK_KINDS = ['checksheet', 'csf', 'guideline'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];

/** How strongly a guideline states an item (ETSI EN 303 645's provision status, for example). */
export const ITEM_STATUSES = ['mandatory', 'recommended', 'conditional'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** full: item texts may be quoted; summary: paid or non-reproducible, our own short subjects only. */
export const REPRODUCTIONS = ['full', 'summary'] as const;
export type Reproduction = (typeof REPRODUCTIONS)[number];

export const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect', 'related'] as const;
/** Reads "source is <relationship> of target". */
export type Relationship = (typeof RELATIONSHIPS)[number];

export const SCOPES = ['device', 'system', 'organisation', 'provider'] as const;
export const PHASES = ['plan', 'procure', 'build', 'operate', 'dispose', 'incident'] as const;
export const ROLES = ['it', 'ot', 'management', 'provider', 'csirt'] as const;
export const VERIFIABLE_FACTS = [
  'open_ports',
  'telnet',
  'default_credentials',
  'tls',
  'firmware_version',
  'eol',
  'vulnerabilities',
  'logs',
  'encryption',
  'network_segmentation',
  'physical_access',
  'configuration',
  'time_sync',
  'backup',
] as const;

/** Tags on a checksheet item, used by later features (questionnaires, probes, filters). */
export interface ItemTags {
  readonly scope: readonly (typeof SCOPES)[number][];
  readonly phase: readonly (typeof PHASES)[number][];
  readonly roles: readonly (typeof ROLES)[number][];
  readonly verifiable: readonly (typeof VERIFIABLE_FACTS)[number][];
  readonly providerQuestion: boolean;
}

/** Our own summary of why an item matters and what to consider. */
export interface ItemExplanation {
  readonly why: LocalizedText;
  readonly consider: LocalizedText;
  readonly note?: LocalizedText;
}

/** Where a withdrawn CSF 1.1 element went in CSF 2.0 (ids of the destination nodes). */
export interface Withdrawal {
  readonly reason: 'incorporated_into' | 'moved_to';
  readonly to: readonly string[];
  /** True when NIST names no codes and `to` is our reading of "other Categories". */
  readonly inferred: boolean;
}

/** One node of a framework tree: `<framework>:<code>`, e.g. `jssec-v2:25.1`. */
export interface CatalogNode {
  readonly id: string;
  readonly frameworkId: string;
  readonly code: string;
  readonly kind: NodeKind;
  readonly parentId: string | null;
  /** Position among its siblings, from 1. */
  readonly order: number;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly explanation?: ItemExplanation;
  readonly tags?: ItemTags;
  readonly withdrawn?: Withdrawal;
  /** Guideline items: how strongly the guideline states it, and when it applies if conditional. */
  readonly status?: ItemStatus;
  readonly condition?: LocalizedText;
  /** Guideline items: some fact could not be confirmed; `note` says what. */
  readonly unconfirmed?: boolean;
  readonly note?: LocalizedText;
  readonly childIds: readonly string[];
}

export interface Framework {
  readonly id: string;
  readonly kind: FrameworkKind;
  readonly title: LocalizedText;
  /** The version as published; guidelines without one use their date. */
  readonly version: string;
  readonly edition?: LocalizedText;
  readonly publisher: LocalizedText;
  /** Publication date, YYYY-MM-DD. */
  readonly date: string;
  /** Languages the original is published in (ISO 639-1). */
  readonly languages: readonly string[];
  readonly source: LocalizedText & { readonly url?: string };
  /** sha256 of the framework's canonical content, recorded by assessments made against it. */
  readonly contentHash: string;
  /** Guidelines: the id of the document in catalog/guidelines/ the framework is built from. */
  readonly document?: string;
  readonly reproduction?: Reproduction;
  /** Top-level node ids: functions, or for a guideline framework its groups. */
  readonly functionIds: readonly string[];
}

export const DOCUMENT_TYPES = ['guideline', 'framework', 'standard', 'principles', 'checklist', 'report', 'regulation', 'certification'] as const;
export const AUDIENCES = ['developer', 'manufacturer', 'service_provider', 'enterprise_user', 'consumer', 'policy_maker'] as const;
export const INDUSTRIES = ['general', 'smart_home', 'transport', 'smart_city', 'healthcare', 'aviation', 'automotive', 'industrial', 'energy', 'consumer_products'] as const;
export const LIFECYCLE_PHASES = ['plan', 'design', 'build', 'operate', 'dispose'] as const;
export const DETAIL_LEVELS = ['overview', 'intermediate', 'detailed'] as const;

/** A guideline document of the handbook (or a current baseline), described in our words. */
export interface GuidelineDocument {
  readonly id: string;
  readonly publisher: LocalizedText;
  readonly title: LocalizedText & { readonly original: string };
  /** YYYY, YYYY-MM or YYYY-MM-DD as known. */
  readonly date: string;
  readonly url?: string;
  readonly type: (typeof DOCUMENT_TYPES)[number];
  readonly audiences: readonly (typeof AUDIENCES)[number][];
  readonly industries: readonly (typeof INDUSTRIES)[number][];
  readonly phases: readonly (typeof LIFECYCLE_PHASES)[number][];
  readonly detail: (typeof DETAIL_LEVELS)[number];
  readonly inHandbook: boolean;
  readonly summary: LocalizedText;
  readonly goodFor?: LocalizedText;
  readonly structure: readonly { readonly title: LocalizedText; readonly pages?: string }[];
  /** Ids of the catalog frameworks built from this document. */
  readonly frameworks: readonly string[];
}

/** Where a link comes from: our judgement, a public mapping under shared/reference, or the loader. */
export type CrosswalkOrigin = 'authored' | 'lineage' | 'judgement' | `reference:${string}`;

/** A link between nodes of two frameworks. `origin: lineage` links come from CSF 1.1 → 2.0. */
export interface Crosswalk {
  readonly sourceId: string;
  readonly targetId: string;
  readonly relationship: Relationship;
  readonly rationale: LocalizedText;
  /** authored: a CSF crosswalk file without `origin`; lineage: CSF 1.1 → 2.0 from withdrawals. */
  readonly origin: CrosswalkOrigin;
}

/** A target item a crosswalk file declares the source framework does not cover, with why. */
export interface NotCovered {
  readonly sourceFrameworkId: string;
  readonly targetId: string;
  readonly reason: LocalizedText;
}

/** The whole catalog, loaded once and served from memory. */
export interface Catalog {
  readonly frameworks: ReadonlyMap<string, Framework>;
  readonly nodes: ReadonlyMap<string, CatalogNode>;
  readonly crosswalks: readonly Crosswalk[];
  readonly crosswalksFrom: ReadonlyMap<string, readonly Crosswalk[]>;
  readonly crosswalksTo: ReadonlyMap<string, readonly Crosswalk[]>;
  readonly documents: ReadonlyMap<string, GuidelineDocument>;
  readonly notCovered: readonly NotCovered[];
}
