import { DomainError, formatProblemDetail, isDomainError } from '../../../core/domain-error';
import { requireOrganisation } from '../../accounts/require-user';
import type { JobHandler } from '../../jobs/job-handler';
import type { JobDeps } from '../../jobs/job-deps';
import { openJobUpload } from '../../jobs/spooled-upload';
import type { ImportMeter } from '../../ops/import-meter';
import { reportOfBytes } from '../../reports/generated-report';
import type { MatchDeps } from '../match/match-deps';
import { matchAndRecordTrend } from '../run-match';
import type { AdvisoryReader, AdvisorySourceChoice } from './advisory-reader';
import { importAdvisoryFiles } from './import-advisory-files';

/** How many located problems a failed job's message names. */
const PROBLEMS_IN_MESSAGE = 5;

/**
 * The queue handler of `vulnerability-import`: imports the spooled upload into the requester's
 * organisation, then runs its match; the result file is a JSON summary of both. An invalid file
 * fails the job with VALIDATION_FAILED naming the first located problems. The upload is removed
 * once the job has ended either way; a run that was stopped (the server stopping, the job taken
 * over or cancelled) or hit an unexpected error leaves it for the run that may follow.
 */
export function advisoryImportJobHandler(
  deps: MatchDeps &
    Pick<JobDeps, 'sharedUploads'> & {
      readonly readAdvisories: AdvisoryReader;
      readonly importMeter?: ImportMeter;
      /** Where a shared upload is copied to be read (this server's DATA_DIR/tmp). */
      readonly spoolDir: string;
    },
): JobHandler {
  return {
    readAction: 'vulnerabilities.read',
    run: async ({ actor, params, onProgress, signal }) => {
      const fileName = String(params['fileName'] ?? 'advisories');
      const upload = await openJobUpload(deps, params);
      let done = false;
      try {
        const { organisationId } = requireOrganisation(actor);
        const imported = await importAdvisoryFiles(deps, {
          actor,
          files: [upload.path],
          source: (params['source'] ?? 'auto') as AdvisorySourceChoice,
          scope: { kind: 'organisation', organisationId },
          signal,
        }).catch((error: unknown) => {
          if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED') throw error;
          const shown = error.details
            .slice(0, PROBLEMS_IN_MESSAGE)
            .map((detail) => formatProblemDetail({ ...detail, file: fileName }));
          throw new DomainError('VALIDATION_FAILED', `${fileName}: ${shown.join('; ')}`, error.details);
        });
        deps.importMeter?.imported('advisories', imported.inserted + imported.updated);
        onProgress(0.5);
        const match = await matchAndRecordTrend(deps, {
          actor,
          onProgress: (fraction) => onProgress(0.5 + fraction / 2),
          signal,
        });
        const summary = {
          files: imported.files,
          read: imported.read,
          inserted: imported.inserted,
          updated: imported.updated,
          unchanged: imported.unchanged,
          pendingConfirmations: imported.pendingTexts,
          match: { identities: match.identities, matches: match.matches, added: match.added, removed: match.removed },
        };
        done = true;
        return reportOfBytes('vulnerability-import.json', 'application/json', `${JSON.stringify(summary, null, 2)}\n`);
      } catch (error) {
        // A domain error fails the job for good; anything else may run it again.
        done = isDomainError(error) && !signal.aborted;
        throw error;
      } finally {
        await upload.release(done);
      }
    },
  };
}
