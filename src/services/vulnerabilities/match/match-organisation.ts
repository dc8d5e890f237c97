import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import { createIdentityBuilder } from '../../../core/vulnerabilities/match-identity';
import type { DeviceIdentity, IdentityMatch } from '../../../core/vulnerabilities/match.types';
import { createIdentityMatcher, type UnknownVersion } from '../../../core/vulnerabilities/matcher';
import { withBulkConnection } from '../../../db/inventory/import-connection';
import {
  findUnusedIdentities,
  groupFacts,
  mapDeviceGroups,
  mapDevices,
  readChangedDevices,
  readDeviceGroups,
  readOwnSbomDevices,
} from '../../../db/vulnerabilities/device-identity.repository';
import {
  countAdvisories,
  countMatches,
  deleteIdentities,
  findLatestMatchRun,
  insertIdentities,
  insertMatchRun,
  matchKey,
  readAdvisoryRevision,
  readAdvisoryRules,
  readIdentities,
  readSbomFacts,
  readSbomFingerprint,
  readStoredMatches,
  roomForGrouping,
  writeMatches,
  type StoredAdvisoryRules,
  type StoredMatchKeys,
} from '../../../db/vulnerabilities/match.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { MatchDeps, RuleOverlay } from './match-deps';
import { createPhaseClock, type MatchPhaseTimes } from './match-phases';

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
    /** Rebuild SQLite indexes from this many rows written on (tests lower it; see writeMatches). */
    rebuildIndexesFrom?: number;
    /** Receives the time spent per phase when the run is done (benchmarks). */
    onPhases?: (times: MatchPhaseTimes) => void;
    signal?: AbortSignal;
  },
): Promise<MatchOrganisationResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.triage')) throw new DomainError('FORBIDDEN', 'You may not run matching.');
  const startedAt = deps.clock().toISOString();
  const progress = input.onProgress ?? (() => undefined);
  const checkpoint = () => input.signal?.throwIfAborted();
  const phases = createPhaseClock();

  return withBulkConnection(deps.database, (bulk) =>
    bulk.db.transaction().execute(async (transaction) => {
      const last = await findLatestMatchRun(transaction, organisationId);
      const full = input.force === true || last === null;
      const revision = await readAdvisoryRevision(transaction);
      const sbomFingerprint = await readSbomFingerprint(transaction, organisationId);
      const overlay: RuleOverlay = deps.readRuleOverlay
        ? await deps.readRuleOverlay(transaction, organisationId)
        : (_id, rules) => rules;
      phases.lap('bookkeeping');

      // 1. Devices → identities. A changed SBOM set changes identities of whole models: re-read all.
      // Re-reading groups the devices in the database; otherwise only devices updated since the
      // last run are read, one by one.
      const rereadAll = full || last.sbomFingerprint !== sbomFingerprint;
      const sboms = await readSbomFacts(transaction, organisationId);
      const builder = createIdentityBuilder(sboms);
      if (rereadAll) {
        await roomForGrouping(transaction, true);
        const groups = await readDeviceGroups(transaction, organisationId);
        const own = await readOwnSbomDevices(transaction, organisationId);
        phases.lap('read devices');
        checkpoint();
        const keyed = groups.map((group) => ({ ...group, key: builder.add(groupFacts(group)) }));
        await mapDeviceGroups(bulk, transaction, organisationId, keyed, input.rebuildIndexesFrom);
        await mapDevices(bulk, transaction, organisationId, new Map(own.map((d) => [d.deviceId, builder.add(d)])));
        await roomForGrouping(transaction, false);
      } else {
        const since = new Date(Date.parse(last.startedAt) - CHANGE_MARGIN_MS).toISOString();
        const changed = await readChangedDevices(transaction, organisationId, since);
        phases.lap('read devices');
        checkpoint();
        await mapDevices(bulk, transaction, organisationId, new Map(changed.map((d) => [d.deviceId, builder.add(d)])));
      }
      phases.lap('group identities');
      progress(0.2);

      // Identities new to the store are added; stored ones no device carries any more go, with their matches.
      const stored = await readIdentities(transaction, organisationId);
      const storedKeys = new Set(stored.map((identity) => identity.key));
      const fresh = builder.identities().filter((identity) => !storedKeys.has(identity.key));
      await insertIdentities(bulk, transaction, organisationId, fresh, startedAt);
      const unused = new Set(await findUnusedIdentities(transaction, organisationId));
      let removed = await deleteIdentities(transaction, organisationId, [...unused]);
      const kept = stored.filter((identity) => !unused.has(identity.key));
      const arrived = fresh.filter((identity) => !unused.has(identity.key));
      phases.lap('group identities');

      // 2. Matching: `everything` against every advisory, `others` against the changed ones.
      const everything = full ? [...kept, ...arrived] : arrived;
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
        phases.lap('bookkeeping');
        const matcher = createIdentityMatcher(identities);
        phases.lap('match');
        const inPass = new Set(identities.map((identity) => identity.key));
        if (identities !== lastIdentities) processed.clear();
        lastIdentities = identities;
        let done = 0;
        for await (const page of pages) {
          checkpoint();
          const before = typeof old === 'function' ? await old(page.map((advisory) => advisory.id)) : old;
          phases.lap('load advisories');
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
          phases.lap('match');
        }
        if (typeof old !== 'function') collectGone(old, inPass);
        phases.lap('match');
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
      phases.lap('bookkeeping');
      await writeMatches(
        bulk,
        transaction,
        organisationId,
        { added, kept: persisting, gone },
        finishedAt,
        input.rebuildIndexesFrom,
      );
      phases.lap('write matches');
      const result: MatchOrganisationResult = {
        runId: randomUUID(),
        identities: kept.length + arrived.length,
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
  ).finally(() => {
    phases.lap('bookkeeping');
    input.onPhases?.(phases.times());
  });
}
