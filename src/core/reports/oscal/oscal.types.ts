/**
 * The parts of OSCAL 1.1.3 (JSON) iotcheck writes: catalogs, assessment results and POA&Ms. Only
 * the fields we fill are typed; the shapes follow NIST's complete schema, which the suite
 * validates every export against. Arrays are never empty (the schema's minItems is 1): builders
 * leave a field out instead.
 */

/** The OSCAL version every iotcheck document declares. */
export const OSCAL_VERSION = '1.1.3';

/** Namespace of iotcheck's own property and part names (OSCAL's `ns`; any URI is allowed). */
export const IOTCHECK_NS = 'urn:iotcheck:oscal';

/** Gives the stable (name-based) UUID of an object from its name; supplied by the caller (integrations). */
export type UuidOf = (name: string) => string;

export interface OscalProperty {
  readonly name: string;
  readonly value: string;
  readonly ns?: string;
  readonly class?: string;
}

export interface OscalLink {
  readonly href: string;
  readonly rel?: string;
  readonly 'media-type'?: string;
  readonly 'resource-fragment'?: string;
  readonly text?: string;
}

export interface OscalPart {
  readonly id?: string;
  readonly name: string;
  readonly ns?: string;
  readonly title?: string;
  readonly props?: readonly OscalProperty[];
  readonly prose?: string;
  readonly parts?: readonly OscalPart[];
  readonly links?: readonly OscalLink[];
}

export interface OscalControl {
  readonly id: string;
  readonly class?: string;
  readonly title: string;
  readonly props?: readonly OscalProperty[];
  readonly links?: readonly OscalLink[];
  readonly parts?: readonly OscalPart[];
  readonly controls?: readonly OscalControl[];
}

export interface OscalGroup {
  readonly id: string;
  readonly class?: string;
  readonly title: string;
  readonly props?: readonly OscalProperty[];
  readonly links?: readonly OscalLink[];
  readonly parts?: readonly OscalPart[];
  readonly groups?: readonly OscalGroup[];
  readonly controls?: readonly OscalControl[];
}

export interface OscalParty {
  readonly uuid: string;
  readonly type: 'organization' | 'person';
  readonly name: string;
}

export interface OscalMetadata {
  readonly title: string;
  readonly published?: string;
  readonly 'last-modified': string;
  readonly version: string;
  readonly 'oscal-version': string;
  readonly props?: readonly OscalProperty[];
  readonly links?: readonly OscalLink[];
  readonly roles?: readonly { readonly id: string; readonly title: string }[];
  readonly parties?: readonly OscalParty[];
  readonly 'responsible-parties'?: readonly { readonly 'role-id': string; readonly 'party-uuids': readonly string[] }[];
  readonly remarks?: string;
}

export interface OscalResource {
  readonly uuid: string;
  readonly title?: string;
  readonly description?: string;
  readonly props?: readonly OscalProperty[];
  readonly citation?: { readonly text: string };
  readonly rlinks?: readonly {
    readonly href: string;
    readonly 'media-type'?: string;
    readonly hashes?: readonly { readonly algorithm: string; readonly value: string }[];
  }[];
  readonly remarks?: string;
}

export interface OscalBackMatter {
  readonly resources: readonly OscalResource[];
}

export interface OscalCatalogDocument {
  readonly catalog: {
    readonly uuid: string;
    readonly metadata: OscalMetadata;
    readonly groups?: readonly OscalGroup[];
    readonly controls?: readonly OscalControl[];
    readonly 'back-matter'?: OscalBackMatter;
  };
}

export interface OscalRelevantEvidence {
  readonly href?: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
}

export interface OscalObservation {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
  readonly methods: readonly string[];
  readonly types?: readonly string[];
  readonly 'relevant-evidence'?: readonly OscalRelevantEvidence[];
  readonly collected: string;
  readonly remarks?: string;
}

export interface OscalOriginActor {
  readonly type: 'party' | 'tool' | 'assessment-platform';
  readonly 'actor-uuid': string;
}

export interface OscalRisk {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly statement: string;
  readonly props?: readonly OscalProperty[];
  readonly status: 'open' | 'investigating' | 'remediating' | 'deviation-requested' | 'deviation-approved' | 'closed';
  readonly characterizations?: readonly {
    readonly origin: { readonly actors: readonly OscalOriginActor[] };
    readonly facets: readonly { readonly name: string; readonly system: string; readonly value: string }[];
  }[];
  readonly deadline?: string;
  readonly remediations?: readonly {
    readonly uuid: string;
    readonly lifecycle: 'recommendation' | 'planned' | 'completed';
    readonly title: string;
    readonly description: string;
  }[];
  readonly 'related-observations'?: readonly { readonly 'observation-uuid': string }[];
}

export interface OscalFinding {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
  readonly target: {
    readonly type: 'statement-id' | 'objective-id';
    readonly 'target-id': string;
    readonly status: { readonly state: 'satisfied' | 'not-satisfied'; readonly reason?: 'pass' | 'fail' | 'other' };
  };
  readonly 'related-observations'?: readonly { readonly 'observation-uuid': string }[];
  readonly 'related-risks'?: readonly { readonly 'risk-uuid': string }[];
}

export interface OscalResult {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
  readonly start: string;
  readonly end?: string;
  readonly 'reviewed-controls': {
    readonly 'control-selections': readonly {
      readonly 'include-controls': readonly { readonly 'control-id': string }[];
    }[];
  };
  readonly observations?: readonly OscalObservation[];
  readonly risks?: readonly OscalRisk[];
  readonly findings?: readonly OscalFinding[];
}

export interface OscalAssessmentResultsDocument {
  readonly 'assessment-results': {
    readonly uuid: string;
    readonly metadata: OscalMetadata;
    readonly 'import-ap': { readonly href: string; readonly remarks?: string };
    readonly results: readonly OscalResult[];
    readonly 'back-matter'?: OscalBackMatter;
  };
}

export interface OscalPoamItem {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
  readonly origins?: readonly { readonly actors: readonly OscalOriginActor[] }[];
  readonly 'related-observations'?: readonly { readonly 'observation-uuid': string }[];
  readonly 'related-risks'?: readonly { readonly 'risk-uuid': string }[];
}

export interface OscalPoamDocument {
  readonly 'plan-of-action-and-milestones': {
    readonly uuid: string;
    readonly metadata: OscalMetadata;
    readonly 'system-id'?: { readonly 'identifier-type': string; readonly id: string };
    readonly observations?: readonly OscalObservation[];
    readonly risks?: readonly OscalRisk[];
    readonly 'poam-items': readonly OscalPoamItem[];
    readonly 'back-matter'?: OscalBackMatter;
  };
}
