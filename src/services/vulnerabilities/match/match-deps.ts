import type { Kysely, Transaction } from 'kysely';
import type { AffectedRule } from '../../../core/vulnerabilities/advisory.types';
import type { Database, DatabaseSchema } from '../../../db/database';

/**
 * Rewrites an advisory's rules for one organisation before matching — how ranges a person
 * confirmed for `unparsed` terms (the confirmation queue) take part in matching.
 */
export type RuleOverlay = (advisoryId: string, rules: readonly AffectedRule[]) => readonly AffectedRule[];

/** What matching needs: the database, a clock, and optionally the organisation's confirmed ranges. */
export interface MatchDeps {
  readonly database: Database;
  readonly clock: () => Date;
  /** Reads the overlay of an organisation inside the run's transaction; absent = rules as imported. */
  readonly readRuleOverlay?: (
    db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
    organisationId: string,
  ) => Promise<RuleOverlay>;
}
