/** The two languages every user-visible text exists in. Japanese first. */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type LocalizedText = Readonly<Record<Language, string>>;

export type NodeKind = 'function' | 'category' | 'item' | 'check' | 'subcategory';

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

/**
 * Where an element went when its successor framework withdrew it (a CSF 1.1 subcategory in CSF 2.0;
 * ids of the destination nodes). The element stays current and answerable in its own framework:
 * this is lineage, shown as "superseded in 2.0 by …", never a reason to leave it out.
 */
export interface Supersession {
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
  readonly superseded?: Supersession;
  readonly childIds: readonly string[];
}

export interface Framework {
  readonly id: string;
  readonly title: LocalizedText;
  readonly version: string;
  readonly edition: LocalizedText;
  readonly publisher: LocalizedText;
  /** Publication date, YYYY-MM-DD. */
  readonly date: string;
  readonly languages: readonly Language[];
  readonly source: LocalizedText & { readonly url?: string };
  /** sha256 of the framework's canonical content, recorded by assessments made against it. */
  readonly contentHash: string;
  readonly functionIds: readonly string[];
}

/** A link between nodes of two frameworks. `origin: lineage` links come from CSF 1.1 → 2.0. */
export interface Crosswalk {
  readonly sourceId: string;
  readonly targetId: string;
  readonly relationship: Relationship;
  readonly rationale: LocalizedText;
  readonly origin: 'authored' | 'lineage';
}

/** The whole catalog, loaded once and served from memory. */
export interface Catalog {
  readonly frameworks: ReadonlyMap<string, Framework>;
  readonly nodes: ReadonlyMap<string, CatalogNode>;
  readonly crosswalks: readonly Crosswalk[];
  readonly crosswalksFrom: ReadonlyMap<string, readonly Crosswalk[]>;
  readonly crosswalksTo: ReadonlyMap<string, readonly Crosswalk[]>;
}
