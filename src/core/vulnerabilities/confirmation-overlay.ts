import type { AffectedRule, NormalisedAdvisory, ProductSelector, RuleTerm, VersionConstraint } from './advisory.types';

// The confirmation queue (issue 13): version texts no parser could read never match until a
// person confirms a range for them (or rejects them). Decisions belong to one organisation, so
// the matcher applies them as an overlay on the shared advisory, per organisation.

/** A selector as one line of text: the CPE, the purl, or "vendor product". */
export function selectorText(selector: ProductSelector): string {
  switch (selector.kind) {
    case 'cpe':
      return selector.cpe;
    case 'purl':
      return selector.purl;
    case 'name':
      return `${selector.vendor} ${selector.product}`;
  }
}

/** One unparsed term of an advisory: where it sits ("rule.group.term"), its product and its text. */
export interface UnparsedTerm {
  readonly path: string;
  readonly product: string;
  readonly text: string;
}

/** Every unparsed version text of the advisory's rules, in rule order. */
export function unparsedTermsOf(advisory: Pick<NormalisedAdvisory, 'rules'>): UnparsedTerm[] {
  return advisory.rules.flatMap((rule, r) =>
    rule.groups.flatMap((group, g) =>
      group.flatMap((term, t) =>
        term.versions.kind === 'unparsed'
          ? [{ path: `${r}.${g}.${t}`, product: selectorText(term.selector), text: term.versions.text }]
          : [],
      ),
    ),
  );
}

/** An organisation's decision on an unparsed text: the confirmed range, or rejected (never matches). */
export type ConfirmationDecision =
  | { readonly status: 'confirmed'; readonly versions: Extract<VersionConstraint, { kind: 'range' }> }
  | { readonly status: 'rejected' };

/** The key a decision is found by: product and text (both as the advisory writes them). */
export function confirmationKey(product: string, text: string): string {
  return `${product}\u0000${text}`;
}

/**
 * The advisory's rules as one organisation matches them: each unparsed term with a confirmed
 * range gets that range; a rejected or undecided one stays unparsed (and so never matches).
 * `decisions` is keyed by confirmationKey(product, text) for this advisory.
 */
export function applyConfirmations(
  rules: readonly AffectedRule[],
  decisions: ReadonlyMap<string, ConfirmationDecision>,
): AffectedRule[] {
  if (decisions.size === 0) return [...rules];
  const confirm = (term: RuleTerm): RuleTerm => {
    if (term.versions.kind !== 'unparsed') return term;
    const decision = decisions.get(confirmationKey(selectorText(term.selector), term.versions.text));
    return decision?.status === 'confirmed' ? { ...term, versions: decision.versions } : term;
  };
  return rules.map((rule) => ({ groups: rule.groups.map((group) => group.map(confirm)) }));
}
