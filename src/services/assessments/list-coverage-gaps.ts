import type { Actor } from '../../core/auth/actor';
import { listCoverageGaps as gapsOf, type CoverageGap } from '../../core/crosswalk/list-coverage-gaps';
import type { AssessmentDeps } from './assessment-deps';
import { getCoverage } from './get-coverage';

/** What is still missing for another framework: its gaps, mandatory items first, with the checksheet items to work on. */
export async function listCoverageGaps(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; frameworkId: string },
): Promise<{ framework: string; gaps: CoverageGap[] }> {
  const coverage = await getCoverage(deps, input);
  return { framework: coverage.framework, gaps: gapsOf(deps.catalog, coverage.framework, coverage.items) };
}
