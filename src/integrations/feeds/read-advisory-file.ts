import type { AdvisorySource, NormalisedAdvisory } from '../../core/vulnerabilities/advisory.types';
import { readCsafFile } from './csaf/read-csaf-file';
import { detectAdvisorySource } from './detect-advisory-source';
import { readJvnFile } from './jvn/read-jvn-file';
import { readNvdFile } from './nvd/read-nvd-file';
import { readOsvFile } from './osv/read-osv-file';

export { detectAdvisorySource } from './detect-advisory-source';

export interface ReadAdvisoriesOptions {
  /** The feed the file comes from; 'auto' tells it from the content (detectAdvisorySource). */
  readonly source: 'auto' | AdvisorySource;
}

/**
 * Reads one advisory file (NVD, JVN, CSAF 2.0 or OSV) as normalised advisories, one at a time.
 * NVD feeds are streamed (a 2 GB feed needs the memory of one record); the other formats are
 * small documents read and checked whole before the first advisory is yielded.
 *
 * Errors: VALIDATION_FAILED (a DomainError) whose details locate each problem — `file`, `path`
 * (JSON path such as `$.vulnerabilities[3].cve.configurations[0]`, or an XML path), `field`,
 * `reason`, and for CSAF `params.test` (the validator's test id). An NVD feed can fail after some
 * advisories were yielded: callers MUST NOT commit anything of the file before the iterator
 * finished without error (the store imports one file in one transaction). Walking directories
 * is the caller's.
 */
export async function* readAdvisories(
  file: string,
  options: ReadAdvisoriesOptions,
): AsyncGenerator<NormalisedAdvisory> {
  const source = options.source === 'auto' ? await detectAdvisorySource(file) : options.source;
  switch (source) {
    case 'nvd':
      yield* readNvdFile(file);
      return;
    case 'jvn':
      yield* readJvnFile(file);
      return;
    case 'csaf':
      yield* readCsafFile(file);
      return;
    case 'osv':
      yield* readOsvFile(file);
      return;
  }
}
