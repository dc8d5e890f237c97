import { createReadStream } from 'node:fs';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { isDomainError } from '../../../core/domain-error';
import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { FeedProblems, fileProblem, isObject, jsonPath } from '../feed-problems';
import { readHead, readJsonDocument } from '../read-file-head';
import { nvdCveToAdvisory } from './nvd-cve';

// NVD CVE API 2.0 pages and JSON 2.0 feed files (`{…, "vulnerabilities": [{"cve": {…}}, …]}`)
// are streamed: the parser hands over one array element at a time, so a 2 GB feed needs the
// memory of one CVE record, not of the file. A single record (`{"cve": {…}}`, as the API's
// examples and our fixtures hold) is small and read whole.

/**
 * Reads the advisories of an NVD file one by one. A broken record stops the iteration with
 * VALIDATION_FAILED located at `$.vulnerabilities[i].cve…`; callers must not commit anything of
 * the file before the iterator finished.
 */
export async function* readNvdFile(file: string): AsyncGenerator<NormalisedAdvisory> {
  const head = await readHead(file, 4096);
  if (/^\s*\{\s*"cve"\s*:/.test(head)) {
    const document = await readJsonDocument(file);
    const problems = new FeedProblems(file);
    const advisory = nvdCveToAdvisory(isObject(document) ? document['cve'] : undefined, '$.cve', problems);
    problems.throwIfAny('not a valid NVD CVE record');
    if (advisory) yield advisory;
    return;
  }
  if (/"CVE_Items"\s*:/.test(await readHead(file))) {
    throw fileProblem(
      file,
      'NVD JSON 1.1 feeds (CVE_Items) are retired: use the CVE API 2.0 or JSON 2.0 feeds',
      'bad_format',
    );
  }
  const pipeline = chain([createReadStream(file), parser(), pick({ filter: 'vulnerabilities' }), streamArray()]);
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      const path = jsonPath('$.vulnerabilities', item.key);
      const problems = new FeedProblems(file);
      const advisory = nvdCveToAdvisory(
        isObject(item.value) ? item.value['cve'] : undefined,
        jsonPath(path, 'cve'),
        problems,
      );
      problems.throwIfAny('not a valid NVD CVE record');
      if (advisory) yield advisory;
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw fileProblem(
      file,
      `not a readable NVD JSON file: ${error instanceof Error ? error.message : String(error)}`,
      'bad_format',
    );
  } finally {
    pipeline.destroy();
  }
}
