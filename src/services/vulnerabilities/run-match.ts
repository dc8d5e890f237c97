import { requireOrganisation } from '../accounts/require-user';
import type { MatchDeps } from './match/match-deps';
import { matchOrganisation, type MatchOrganisationResult } from './match/match-organisation';
import { recordVulnerabilityTrend } from './trend/record-trend';

/**
 * A match run of the actor's organisation (see matchOrganisation), then today's trend point
 * recorded from the new matches. What the CLI and the import job run.
 */
export async function matchAndRecordTrend(
  deps: MatchDeps,
  input: Parameters<typeof matchOrganisation>[1],
): Promise<MatchOrganisationResult> {
  const result = await matchOrganisation(deps, input);
  await recordVulnerabilityTrend(deps.database.db, requireOrganisation(input.actor).organisationId, deps.clock());
  return result;
}
