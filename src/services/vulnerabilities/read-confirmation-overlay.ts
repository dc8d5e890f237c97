import type { Kysely, Transaction } from 'kysely';
import { applyConfirmations } from '../../core/vulnerabilities/confirmation-overlay';
import type { DatabaseSchema } from '../../db/database';
import { listConfirmationDecisions } from '../../db/vulnerabilities/confirmation.repository';
import type { RuleOverlay } from './match/match-deps';

/**
 * The organisation's confirmation decisions as the matcher's rule overlay (MatchDeps.readRuleOverlay):
 * confirmed ranges replace their unparsed texts; rejected and pending texts stay unmatched.
 */
export async function readConfirmationOverlay(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  organisationId: string,
): Promise<RuleOverlay> {
  const decisions = await listConfirmationDecisions(db, organisationId);
  return (advisoryId, rules) => {
    const forAdvisory = decisions.get(advisoryId);
    return forAdvisory ? applyConfirmations(rules, forAdvisory) : rules;
  };
}
