import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { FeedProblems, jsonPath } from '../feed-problems';
import { readJsonDocument } from '../read-file-head';
import { osvToAdvisory } from './osv-record';

/**
 * Reads an OSV file: one record, or an array of records (as OSV's bulk exports hold). Checked
 * whole before anything is yielded; a broken record throws VALIDATION_FAILED located at
 * `$[i].affected[j]…`. Callers must not commit before the iterator finished.
 */
export async function* readOsvFile(file: string): AsyncGenerator<NormalisedAdvisory> {
  const document = await readJsonDocument(file);
  const problems = new FeedProblems(file);
  const records = Array.isArray(document)
    ? document.map((record, index) => ({ record, path: jsonPath('$', index) }))
    : [{ record: document, path: '$' }];
  const advisories = records.map(({ record, path }) => osvToAdvisory(record, path, problems));
  problems.throwIfAny('not a valid OSV record');
  for (const advisory of advisories) if (advisory) yield advisory;
}
