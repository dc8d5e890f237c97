import type { ItemExplanation, ItemTags, Language, LocalizedText, Relationship } from './catalog.types';

/**
 * The catalog as read from its files, before ids are resolved and references checked.
 * `file` names where each piece came from so that every error can say where.
 */
export interface FrameworkSource {
  readonly file: string;
  readonly id: string;
  readonly title: LocalizedText;
  readonly version: string;
  readonly edition: LocalizedText;
  readonly publisher: LocalizedText;
  readonly date: string;
  readonly languages: readonly Language[];
  readonly source: LocalizedText & { readonly url?: string };
  /** The framework that replaced this one (CSF 1.1 → nist-csf-2.0); superseded codes point into it. */
  readonly successor?: string;
  readonly functions: readonly FunctionSource[];
}

export interface FunctionSource {
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly categories: readonly CategorySource[];
}

export interface SupersessionSource {
  readonly reason: 'incorporated_into' | 'moved_to';
  readonly to: readonly string[];
  readonly inferred?: boolean;
}

export interface CategorySource {
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly superseded?: SupersessionSource;
  readonly subcategories?: readonly { readonly code: string; readonly title: LocalizedText; readonly superseded?: SupersessionSource }[];
}

export interface ItemFileSource {
  readonly file: string;
  readonly framework: string;
  readonly items: readonly ItemSource[];
}

export interface ItemSource {
  readonly number: number;
  readonly category: string;
  readonly title: LocalizedText;
  readonly checks: readonly LocalizedText[];
  readonly explanation: ItemExplanation;
  readonly tags: ItemTags;
}

export interface CrosswalkFileSource {
  readonly file: string;
  readonly source: string;
  readonly target: string;
  readonly links: readonly {
    readonly from: string;
    readonly to: string;
    readonly relationship: Relationship;
    readonly rationale: LocalizedText;
  }[];
}

export interface CatalogSources {
  readonly frameworks: readonly FrameworkSource[];
  readonly itemFiles: readonly ItemFileSource[];
  readonly crosswalkFiles: readonly CrosswalkFileSource[];
}
