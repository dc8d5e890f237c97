import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { FeedProblems } from '../feed-problems';
import { parseJsonText, readWholeText } from '../read-file-head';
import { jvnJsonToAdvisories } from './jvn-json';
import { jvnRssToAdvisories, vuldefToAdvisories } from './jvn-vuldef';
import { parseJvnXml } from './jvn-xml';

/**
 * Reads a MyJVN API file: VULDEF or JVNRSS XML, or the JSON detail / overview forms. The file is
 * small and checked whole before anything is yielded: any problem throws VALIDATION_FAILED with
 * every located problem and no advisory. Callers must not commit before the iterator finished.
 */
export async function* readJvnFile(file: string): AsyncGenerator<NormalisedAdvisory> {
  const problems = new FeedProblems(file);
  let advisories: NormalisedAdvisory[];
  const content = await readWholeText(file);
  if (content.trimStart().startsWith('<')) {
    const root = parseJvnXml(file, content);
    advisories = 'VULDEF-Document' in root ? vuldefToAdvisories(root, problems) : jvnRssToAdvisories(root, problems);
  } else {
    advisories = jvnJsonToAdvisories(parseJsonText(file, content), problems);
  }
  problems.throwIfAny('not a valid MyJVN document');
  yield* advisories;
}
