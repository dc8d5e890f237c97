import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { FeedProblems, feedError, fileProblem, isObject } from '../feed-problems';
import { readJsonDocument } from '../read-file-head';
import { csafToAdvisory } from './csaf-document';
import { csafProblems } from './validate-csaf';

/**
 * Reads one CSAF 2.0 document (security advisory, VEX, …): validated with the CSAF schema and the
 * mandatory tests first; an invalid document throws VALIDATION_FAILED with every error located
 * (JSON path, test id) and yields nothing. Callers must not commit before the iterator finished.
 */
export async function* readCsafFile(file: string): AsyncGenerator<NormalisedAdvisory> {
  const document = await readJsonDocument(file);
  // The validator's mandatory tests dereference the document: anything but an object crashes them.
  if (!isObject(document)) throw fileProblem(file, 'a CSAF document must be a JSON object', 'bad_format');
  const invalid = await csafProblems(file, document);
  if (invalid.length > 0) throw feedError(file, 'not a valid CSAF 2.0 document', invalid.slice(0, 100));
  const problems = new FeedProblems(file);
  const advisory = csafToAdvisory(document, 'csaf', problems);
  problems.throwIfAny('not a usable CSAF 2.0 document');
  if (advisory) yield advisory;
}
