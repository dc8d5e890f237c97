import type { JobHandler } from '../../jobs/job-handler';
import { reportOfBytes } from '../../reports/generated-report';
import type { MatchDeps } from './match-deps';
import { matchOrganisation } from './match-organisation';

/** The job kind that runs an organisation's match (params: `{ force?: boolean }`). */
export const VULNERABILITY_MATCH_JOB = 'vulnerability-match';

/**
 * The queue handler of `vulnerability-match`: runs matchOrganisation as the requester and leaves
 * its result (counts, run id) as a small JSON file.
 */
export function vulnerabilityMatchJobHandler(deps: MatchDeps): JobHandler {
  return {
    readAction: 'vulnerabilities.read',
    run: async ({ actor, params, onProgress, signal }) => {
      const result = await matchOrganisation(deps, { actor, force: params['force'] === true, onProgress, signal });
      return reportOfBytes('vulnerability-match.json', 'application/json', `${JSON.stringify(result, null, 2)}\n`);
    },
  };
}
