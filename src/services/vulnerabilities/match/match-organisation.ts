import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import { createIdentityBuilder } from '../../../core/vulnerabilities/match-identity';
import type { DeviceIdentity, IdentityMatch } from '../../../core/vulnerabilities/match.types';
import { createIdentityMatcher, type UnknownVersion } from '../../../core/vulnerabilities/matcher';
import { withBulkConnection } from '../../../db/inventory/import-connection';
import {
  countAdvisories,
  countIdentityUse,
  countMatches,
  deleteIdentities,
  findLatestMatchRun,
  insertIdentities,
  insertMatchRun,
  matchKey,
  readAdvisoryRevision,
  readAdvisoryRules,
  readDeviceFacts,
  readIdentities,
  readSbomFacts,
  readSbomFingerprint,
  readStoredMatches,
  writeDeviceIdentities,
  writeMatches,
  type StoredAdvisoryRules,
  type StoredMatchKeys,
} from '../../../db/vulnerabilities/match.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { MatchDeps, RuleOverlay } from './match-deps';

/** What a match run did. */
export interface MatchOrganisationResult {
  readonly runId: string;
  /** Identities (distinct manufacturer/model/firmware/CPE/SBOM facts) of the organisation's devices. */
  readonly identities: number;
  /** Stored matches (identity × advisory) after the run. */
  readonly matches: number;
  readonly added: number;
  readonly removed: number;
  readonly advisoriesRead: number;
  /** Versions that could not be compared (the product matched): reported, never matched. */
  readonly unknownVersions: number;
  /** True when every identity was matched against every advisory (first run or forced). */
  readonly full: boolean;
}

const UNKNOWNS_KEPT = 100;
/**
 * Devices updated from this long before the last run started are read again: a device written by
 * a transaction that began before the run and committed after it carries an earlier time.
 */
const CHANGE_MARGIN_MS = 10 * 60 * 1000;

/**
 * Matches the organisation's devices against the advisories it sees (installation feeds and its
 * own uploads) and stores the result per identity, in one transaction. The first run (or
 * `force`) is full; later runs touch only what changed: identities that are new (devices added or
 * edited, SBOMs imported) are matched against every advisory, the others only against advisories
 * whose revision grew since the last run (and any `advisoryIds`, e.g. after a range was
 * confirmed). Matches that no longer hold are removed; persisting ones keep their first time.
 * Needs `vulnerabilities.triage`; `signal` cancels (nothing is written).
 */
export async function matchOrganisation(
  deps: MatchDeps,
  input: {
    actor: Actor;
    force?: boolean;
    advisoryIds?: readonly string[];
    onProgress?: (fraction: number) => void;
    signal?: AbortSignal;
  },
): Promise<MatchOrganisationResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.triage')) throw new DomainError('FORBIDDEN', 'You may not run matching.');
  const startedAt = deps.clock().toISOString();
  const progress = input.onProgress ?? (() => undefined);
  const checkpoint = () => input.signal?.throwIfAborted();

  return withBulkConnection(deps.database, (bulk) =>
    bulk.db.transaction().execute(async (transaction) => {
      const last = await findLatestMatchRun(transaction, organisationId);
      const full = input.force === true || last === null;
      const revision = await readAdvisoryRevision(transaction);
      const sbomFingerprint = await readSbomFingerprint(transaction, organisationId);
      const overlay: RuleOverlay = deps.readRuleOverlay
        ? await deps.readRuleOverlay(transaction, organisationId)
        : (_id, rules) => rules;

      // 1. Devices → identities. A changed SBOM set changes identities of whole models: re-read all.
      const rereadAll = full || last.sbomFingerprint !== sbomFingerprint;
      const sboms = await readSbomFacts(transaction, organisationId);
      const deviceKeys = new Map<string, string>();
      const builder = createIdentityBuilder(sboms);
      const since = rereadAll ? undefined : new Date(Date.parse(last.startedAt) - CHANGE_MARGIN_MS).toISOString();
      for await (const page of readDeviceFacts(bulk, transaction, organisationId, since)) {
        checkpoint();
        for (const device of page) deviceKeys.set(device.deviceId, builder.add(device));
      }
      const seen = builder.identities();
      await writeDeviceIdentities(bulk, transaction, organisationId, deviceKeys, rereadAll);
      progress(0.2);

      const inUse = await countIdentityUse(transaction, organisationId);
      const stored = await readIdentities(transaction, organisationId);
      const storedKeys = new Set(stored.map((identity) => identity.key));
      let removed = await deleteIdentities(
        transaction,
        organisationId,
        stored.filter((identity) => !inUse.has(identity.key)).map((identity) => identity.key),
      );
      const fresh = seen.filter((identity) => !storedKeys.has(identity.key) && inUse.has(identity.key));
      await insertIdentities(bulk, transaction, organisationId, fresh, startedAt);
      const kept = stored.filter((identity) => inUse.has(identity.key));

      // 2. Matching: `everything` against every advisory, `others` against the changed ones.
      const everything = full ? [...kept, ...fresh] : fresh;
      const others = full ? [] : kept;
      let advisoriesRead = 0;
      let unknownCount = 0;
      const unknowns: UnknownVersion[] = [];
      const added: IdentityMatch[] = [];
      const persisting: IdentityMatch[] = [];
      const gone: Array<[string, string]> = [];
      // Advisories a pass already read (the second look-up of the `others` pass may name them again).
      const processed = new Set<string>();
      let lastIdentities: readonly DeviceIdentity[] | null = null;

      /** Runs advisories past a matcher; compares with `old` (stored matches of the same region). */
      async function pass(
        identities: readonly DeviceIdentity[],
        pages: AsyncGenerator<StoredAdvisoryRules[]>,
        old: StoredMatchKeys | ((ids: string[]) => Promise<StoredMatchKeys>),
        share: [number, number],
        total: number,
      ) {
        const matcher = createIdentityMatcher(identities);
        const inPass = new Set(identities.map((identity) => identity.key));
        if (identities !== lastIdentities) processed.clear();
        lastIdentities = identities;
        let done = 0;
        for await (const page of pages) {
          checkpoint();
          const before = typeof old === 'function' ? await old(page.map((advisory) => advisory.id)) : old;
          for (const advisory of page) {
            if (processed.has(advisory.id)) continue;
            processed.add(advisory.id);
            advisoriesRead += 1;
            if (advisory.withdrawn) continue;
            const outcome = matcher.matchAdvisory({ id: advisory.id, rules: overlay(advisory.id, advisory.rules) });
            unknownCount += outcome.unknowns.length;
            for (const unknown of outcome.unknowns) if (unknowns.length < UNKNOWNS_KEPT) unknowns.push(unknown);
            for (const match of outcome.matches) {
              const key = matchKey(match.identityKey, match.advisoryId);
              if (before.has(key)) {
                persisting.push(match);
                before.delete(key);
              } else added.push(match);
            }
          }
          if (typeof old === 'function') collectGone(before, inPass);
          done += page.length;
          progress(share[0] + (share[1] - share[0]) * Math.min(1, done / Math.max(1, total)));
        }
        if (typeof old !== 'function') collectGone(old, inPass);
      }
      function collectGone(left: StoredMatchKeys, inPass: ReadonlySet<string>) {
        for (const key of left.keys()) {
          const [identityKey, advisoryId] = key.split('\u0000') as [string, string];
          if (inPass.has(identityKey)) gone.push([identityKey, advisoryId]);
        }
      }

      const allRange = { afterRevision: Number.MIN_SAFE_INTEGER, upToRevision: revision };
      if (everything.length > 0) {
        const old = full ? await readStoredMatches(transaction, organisationId) : new Map<string, string>();
        const total = await countAdvisories(transaction, organisationId, allRange);
        await pass(everything, readAdvisoryRules(transaction, organisationId, allRange), old, [0.2, 0.9], total);
      }
      if (others.length > 0) {
        const changed = { afterRevision: last?.advisoryRevision ?? 0, upToRevision: revision };
        const lookup = (ids: string[]) => readStoredMatches(transaction, organisationId, ids);
        const total = await countAdvisories(transaction, organisationId, changed);
        await pass(others, readAdvisoryRules(transaction, organisationId, changed), lookup, [0.9, 0.95], total);
        if (input.advisoryIds?.length) {
          await pass(
            others,
            readAdvisoryRules(transaction, organisationId, { ids: input.advisoryIds }),
            lookup,
            [0.95, 0.97],
            1,
          );
        }
      }
      removed += gone.length;
      const finishedAt = deps.clock().toISOString();
      await writeMatches(bulk, transaction, organisationId, { added, kept: persisting, gone }, finishedAt);
      const result: MatchOrganisationResult = {
        runId: randomUUID(),
        identities: inUse.size,
        matches: await countMatches(transaction, organisationId),
        added: added.length,
        removed,
        advisoriesRead,
        unknownVersions: unknownCount,
        full,
      };
      await insertMatchRun(transaction, organisationId, actor.userId, {
        id: result.runId,
        fullRun: full,
        startedAt,
        finishedAt,
        advisoryRevision: revision,
        sbomFingerprint,
        identities: result.identities,
        matches: result.matches,
        added: result.added,
        removed,
        advisoriesRead,
        unknownCount,
        unknowns,
      });
      progress(1);
      return result;
    }),
  );
}
