import type { CrosswalkOrigin, FrameworkKind, GuidelineDocument, ItemExplanation, ItemStatus, ItemTags, LocalizedText, Relationship, Reproduction } from './catalog.types';

/**
 * The catalog as read from its files, before ids are resolved and references checked.
 * `file` names where each piece came from so that every error can say where.
 */
export interface FrameworkSource {
  readonly file: string;
  readonly id: string;
  readonly kind: FrameworkKind;
  readonly title: LocalizedText;
  readonly version?: string;
  readonly edition?: LocalizedText;
  readonly publisher: LocalizedText;
  readonly date: string;
  /** Languages the original is published in (guidelines may be English only). */
  readonly languages: readonly string[];
  readonly source: LocalizedText & { readonly url?: string };
  /** The framework that replaced this one (CSF 1.1 → nist-csf-2.0); withdrawn codes point into it. */
  readonly successor?: string;
  readonly document?: string;
  readonly reproduction?: Reproduction;
  /** Checksheet and CSF frameworks; empty for guidelines. */
  readonly functions: readonly FunctionSource[];
  /** Guideline frameworks; empty for the others. */
  readonly groups: readonly GroupSource[];
}

export interface GroupSource {
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly items: readonly GuidelineItemSource[];
}

export interface GuidelineItemSource {
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly status?: ItemStatus;
  readonly condition?: LocalizedText;
  readonly unconfirmed?: boolean;
  readonly note?: LocalizedText;
}

/** A guideline framework's `items-*.yaml`: more groups appended after those in framework.yaml. */
export interface GroupFileSource {
  readonly file: string;
  readonly framework: string;
  readonly groups: readonly GroupSource[];
}

export interface DocumentSource extends GuidelineDocument {
  readonly file: string;
}

export interface FunctionSource {
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly categories: readonly CategorySource[];
}

export interface WithdrawalSource {
  readonly reason: 'incorporated_into' | 'moved_to';
  readonly to: readonly string[];
  readonly inferred?: boolean;
}

export interface CategorySource {
  readonly code: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly withdrawn?: WithdrawalSource;
  readonly subcategories?: readonly { readonly code: string; readonly title: LocalizedText; readonly withdrawn?: WithdrawalSource }[];
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
  /** Default origin of the links; absent in the CSF crosswalks (they become `authored`). */
  readonly origin?: Exclude<CrosswalkOrigin, 'authored' | 'lineage'>;
  readonly links: readonly {
    readonly from: string;
    readonly to: string;
    readonly relationship: Relationship;
    readonly rationale: LocalizedText;
    readonly origin?: Exclude<CrosswalkOrigin, 'authored' | 'lineage'>;
  }[];
  readonly notCovered: readonly { readonly code: string; readonly reason: LocalizedText }[];
}

export interface CatalogSources {
  readonly frameworks: readonly FrameworkSource[];
  readonly itemFiles: readonly ItemFileSource[];
  readonly crosswalkFiles: readonly CrosswalkFileSource[];
  readonly groupFiles: readonly GroupFileSource[];
  readonly documents: readonly DocumentSource[];
}
