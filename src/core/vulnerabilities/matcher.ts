import type { AffectedRule, RuleTerm, VersionConstraint } from './advisory.types';
import type { DeviceIdentity, IdentityMatch, MatchableAdvisory, MatchReason } from './match.types';
import { cpeProductKey, parseCpeName, unescapeCpeValue, type CpeName } from './names/cpe-name';
import { parsePurlName } from './names/purl-name';
import { productKey, vendorKey } from './names/vendor-key';
import { guessScheme } from './versions/guess-scheme';
import { inRange, isWildcardVersion, type RangeAnswer } from './versions/in-range';
import { parseVersion, type ParsedVersion } from './versions/parse-version';

// The matcher indexes the identities (a few thousand) and streams advisories (hundreds of
// thousands) past the index: each term looks up only the identities that carry its product,
// so a run costs about the number of terms plus the candidate pairs, not identities × terms,
// and the advisories never have to be in memory at once.

/** A version the matcher could not compare: the product matched, so a person must look. */
export interface UnknownVersion {
  readonly identityKey: string;
  readonly advisoryId: string;
  readonly ruleIndex: number;
  readonly version: string;
  readonly versions: VersionConstraint;
}

/** What one advisory (or many) produced: the matches and the versions that could not be compared. */
export interface MatchOutcome {
  readonly matches: IdentityMatch[];
  readonly unknowns: UnknownVersion[];
}

/** One way an identity carries a product: through one of its CPEs, purls, or its names. */
interface Carrier {
  readonly identity: number;
  readonly version: string;
  readonly cpe?: CpeName;
}

/** An index of identities by product, answering which of them an advisory affects. */
export interface IdentityMatcher {
  readonly identities: readonly DeviceIdentity[];
  /** Matches one advisory against every indexed identity. */
  matchAdvisory(advisory: MatchableAdvisory): MatchOutcome;
}

const PARSED_CPES_KEPT = 100_000;

const nameKey = (vendor: string, product: string) => `${vendorKey(vendor)}\u0000${productKey(product)}`;

function push(index: Map<string, Carrier[]>, key: string, carrier: Carrier) {
  const list = index.get(key);
  if (list) list.push(carrier);
  else index.set(key, [carrier]);
}

/**
 * Whether one attribute of a term's CPE admits the identity's value (CPE 2.3 name matching):
 * ANY (`*`) in the term admits everything; NA (`-`, "not applicable") admits only NA, and an
 * identity's NA is admitted only by ANY or NA. An identity's ANY stands for a value the inventory
 * did not record, so it still meets a concrete term value (the lenient side is kept on purpose).
 */
function attributeMatches(want: string, have: string): boolean {
  if (want === '*') return true;
  if (want === '-' || have === '-') return want === have;
  return have === '*' || want === have;
}

/** Whether the non-version attributes of a term's CPE admit the identity's CPE. */
function cpeAttributesMatch(term: CpeName, carried: CpeName): boolean {
  if (!attributeMatches(term.part, carried.part)) return false;
  for (let i = 0; i < term.rest.length; i += 1) {
    if (!attributeMatches(term.rest[i]!, carried.rest[i]!)) return false;
  }
  return true;
}

/**
 * Whether the version attributes can meet before any range is compared: a term naming NA meets
 * only an identity CPE naming NA, and an identity's NA meets only a term with ANY or NA (a term
 * naming one concrete version is about a versioned product, not this one).
 */
function versionAttributesMeet(term: CpeName, carried: CpeName): boolean {
  if (term.version === '-') return carried.version === '-';
  if (carried.version === '-') return term.version === '*';
  return true;
}

/** Builds the index over `identities` (each identity's CPEs, purls and folded names). */
export function createIdentityMatcher(identities: readonly DeviceIdentity[]): IdentityMatcher {
  const byCpe = new Map<string, Carrier[]>();
  const byPurl = new Map<string, Carrier[]>();
  const byName = new Map<string, Carrier[]>();
  // CPE names repeat across identities (every firmware of a model) and across advisory terms:
  // parse each once (fewer objects kept alive, too). Bounded: a feed may name millions.
  const parsedCpes = new Map<string, CpeName | null>();
  const parseCpe = (cpe: string) => {
    let name = parsedCpes.get(cpe);
    if (name === undefined) {
      name = parseCpeName(cpe);
      if (parsedCpes.size >= PARSED_CPES_KEPT) parsedCpes.clear();
      parsedCpes.set(cpe, name);
    }
    return name;
  };
  identities.forEach((identity, position) => {
    for (const cpe of identity.cpes) {
      const name = parseCpe(cpe);
      if (!name) continue;
      // A CPE without a concrete version stands for the device itself: its firmware is the version.
      const version = isWildcardVersion(name.version) ? identity.firmwareVersion : unescapeCpeValue(name.version);
      push(byCpe, cpeProductKey(name), { identity: position, version, cpe: name });
    }
    for (const purl of identity.purls) {
      const name = parsePurlName(purl);
      if (name) push(byPurl, name.base, { identity: position, version: name.version });
    }
    if (identity.manufacturer.trim() && identity.model.trim()) {
      push(byName, nameKey(identity.manufacturer, identity.model), {
        identity: position,
        version: identity.firmwareVersion,
      });
    }
  });

  // Versions and term selectors repeat across advisories and identities: read each once.
  const parsedVersions = new Map<string, ParsedVersion | null>();
  const parse: typeof parseVersion = (text, scheme) => {
    const key = `${scheme}\u0000${text}`;
    let parsed = parsedVersions.get(key);
    if (parsed === undefined) {
      parsed = parseVersion(text, scheme);
      parsedVersions.set(key, parsed);
    }
    return parsed;
  };

  /** Every identity a term holds for (or cannot decide), with its answer. */
  function evaluateTerm(term: RuleTerm): Map<number, RangeAnswer> {
    const answers = new Map<number, RangeAnswer>();
    const record = (identity: number, answer: RangeAnswer) => {
      const before = answers.get(identity);
      if (before === 'yes' || (before === 'unknown' && answer === 'no')) return;
      answers.set(identity, answer);
    };
    const selector = term.selector;
    let versions = term.versions;
    if (selector.kind === 'cpe') {
      const name = parseCpe(selector.cpe);
      if (!name) return answers;
      // A CPE naming one version with no separate constraint means exactly that version.
      if (versions.kind === 'all' && !isWildcardVersion(name.version)) {
        const exact = unescapeCpeValue(name.version);
        versions = { kind: 'range', scheme: guessScheme(exact), exact };
      }
      for (const carrier of byCpe.get(cpeProductKey(name)) ?? []) {
        if (cpeAttributesMatch(name, carrier.cpe!) && versionAttributesMeet(name, carrier.cpe!))
          record(carrier.identity, inRange(carrier.version, versions, parse));
      }
    } else if (selector.kind === 'purl') {
      const name = parsePurlName(selector.purl);
      if (!name) return answers;
      if (versions.kind === 'all' && name.version) {
        versions = { kind: 'range', scheme: guessScheme(name.version), exact: name.version };
      }
      for (const carrier of byPurl.get(name.base) ?? []) {
        record(carrier.identity, inRange(carrier.version, versions, parse));
      }
    } else {
      for (const carrier of byName.get(nameKey(selector.vendor, selector.product)) ?? []) {
        record(carrier.identity, inRange(carrier.version, versions, parse));
      }
    }
    return answers;
  }

  /** The better of two held terms for a reason: an affected product over a platform, exact over name. */
  const preference = (term: RuleTerm) => (term.vulnerable ? 2 : 0) + (term.selector.kind === 'name' ? 0 : 1);

  function matchRule(rule: AffectedRule): Map<number, { answer: RangeAnswer; terms: RuleTerm[] }> {
    let result: Map<number, { answer: RangeAnswer; terms: RuleTerm[] }> | null = null;
    for (const group of rule.groups) {
      const held = new Map<number, { answer: RangeAnswer; term: RuleTerm }>();
      for (const term of group) {
        for (const [identity, answer] of evaluateTerm(term)) {
          if (answer === 'no') continue;
          const before = held.get(identity);
          const better =
            !before ||
            (before.answer === 'unknown' && answer === 'yes') ||
            (before.answer === answer && preference(term) > preference(before.term));
          if (better) held.set(identity, { answer, term });
        }
      }
      const next = new Map<number, { answer: RangeAnswer; terms: RuleTerm[] }>();
      if (result === null) {
        for (const [identity, { answer, term }] of held) next.set(identity, { answer, terms: [term] });
      } else {
        for (const [identity, so] of result) {
          const here = held.get(identity);
          if (!here) continue;
          next.set(identity, {
            answer: so.answer === 'yes' && here.answer === 'yes' ? 'yes' : 'unknown',
            terms: [...so.terms, here.term],
          });
        }
      }
      result = next;
      if (result.size === 0) break;
    }
    return result ?? new Map();
  }

  function matchAdvisory(advisory: MatchableAdvisory): MatchOutcome {
    const reasons = new Map<number, MatchReason>();
    const undecided = new Map<number, UnknownVersion>();
    advisory.rules.forEach((rule, ruleIndex) => {
      for (const [identity, { answer, terms }] of matchRule(rule)) {
        // A rule held only by platform conditions names no affected product.
        if (!terms.some((term) => term.vulnerable)) continue;
        if (answer === 'unknown') {
          if (!undecided.has(identity)) {
            const open = terms.find((term) => term.versions.kind === 'range') ?? terms[0]!;
            undecided.set(identity, {
              identityKey: identities[identity]!.key,
              advisoryId: advisory.id,
              ruleIndex,
              version: identities[identity]!.firmwareVersion,
              versions: open.versions,
            });
          }
          continue;
        }
        const confidence = terms.some((term) => term.selector.kind === 'name') ? 'name' : 'exact';
        const before = reasons.get(identity);
        if (!before || (before.confidence === 'name' && confidence === 'exact')) {
          reasons.set(identity, { ruleIndex, terms, confidence });
        }
      }
    });
    const matches: IdentityMatch[] = [];
    for (const [identity, reason] of reasons) {
      matches.push({ identityKey: identities[identity]!.key, advisoryId: advisory.id, reason });
      undecided.delete(identity);
    }
    return { matches, unknowns: [...undecided.values()] };
  }

  return { identities, matchAdvisory };
}

/** Matches every advisory against every identity (a convenience over createIdentityMatcher). */
export function matchIdentities(
  advisories: Iterable<MatchableAdvisory>,
  identities: readonly DeviceIdentity[],
): MatchOutcome {
  const matcher = createIdentityMatcher(identities);
  const matches: IdentityMatch[] = [];
  const unknowns: UnknownVersion[] = [];
  for (const advisory of advisories) {
    const outcome = matcher.matchAdvisory(advisory);
    matches.push(...outcome.matches);
    unknowns.push(...outcome.unknowns);
  }
  return { matches, unknowns };
}
