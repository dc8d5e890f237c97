import type { ProblemDetail } from '../domain-error';
import type { CrosswalkFileSource } from './catalog-source.types';
import type { CatalogNode, Crosswalk, FrameworkKind, NotCovered } from './catalog.types';

/**
 * Checks one crosswalk file's links against the assembled nodes. Reported (with file and path):
 * an unknown source or target framework, a file name that names another pair, a `from` or `to`
 * that does not exist, a `to` that is a group of a guideline (links go to items), a `from` that
 * is not a checksheet item. Only valid links are returned.
 */
export function resolveCrosswalkLinks(
  file: CrosswalkFileSource,
  frameworkKinds: ReadonlyMap<string, FrameworkKind>,
  nodes: ReadonlyMap<string, CatalogNode>,
  problems: ProblemDetail[],
): Crosswalk[] {
  const sourceKind = frameworkKinds.get(file.source);
  const targetKind = frameworkKinds.get(file.target);
  if (!sourceKind) problems.push({ file: file.file, path: 'source', reason: `unknown framework ${file.source}` });
  if (!targetKind) problems.push({ file: file.file, path: 'target', reason: `unknown framework ${file.target}` });
  if (!sourceKind || !targetKind) return [];
  const pair = `${file.source}--${file.target}`;
  if (!file.file.split(/[\\/]/).some((part) => part === pair || part === `${pair}.yaml` || part === `${pair}.yml`)) {
    problems.push({ file: file.file, path: 'target', reason: `the file is not named for its pair: expected crosswalks/${pair}.yaml or crosswalks/${pair}/…` });
  }

  const links: Crosswalk[] = [];
  for (const [index, link] of file.links.entries()) {
    const sourceId = `${file.source}:${link.from}`;
    const targetId = `${file.target}:${link.to}`;
    const source = nodes.get(sourceId);
    const target = nodes.get(targetId);
    let valid = true;
    if (!source) {
      problems.push({ file: file.file, path: `links[${index}].from`, reason: `no node ${sourceId}` });
      valid = false;
    } else if (sourceKind === 'checksheet' && source.kind !== 'item') {
      problems.push({ file: file.file, path: `links[${index}].from`, reason: `${sourceId} is a ${source.kind}; links start at a checksheet item` });
      valid = false;
    }
    if (!target) {
      problems.push({ file: file.file, path: `links[${index}].to`, reason: `no node ${targetId}` });
      valid = false;
    } else if (targetKind === 'guideline' && target.kind !== 'item') {
      problems.push({ file: file.file, path: `links[${index}].to`, reason: `${targetId} is a ${target.kind}; link to one of its items instead` });
      valid = false;
    }
    if (!valid) continue;
    links.push({ sourceId, targetId, relationship: link.relationship, rationale: link.rationale, origin: link.origin ?? file.origin ?? 'authored' });
  }

  return links;
}

/**
 * The file's not_covered entries, checked: a code that is unknown, not an item, listed twice
 * for the same pair or also linked (by any file of the pair) is reported. `linked` holds
 * `<source framework>|<target node id>` of every valid link; `declared` collects entries
 * across the files of a pair.
 */
export function resolveNotCovered(
  file: CrosswalkFileSource,
  nodes: ReadonlyMap<string, CatalogNode>,
  linked: ReadonlySet<string>,
  declared: Set<string>,
  problems: ProblemDetail[],
): NotCovered[] {
  const notCovered: NotCovered[] = [];
  for (const [index, entry] of file.notCovered.entries()) {
    const targetId = `${file.target}:${entry.code}`;
    const target = nodes.get(targetId);
    const path = `not_covered[${index}].code`;
    if (!target) problems.push({ file: file.file, path, reason: `no node ${targetId}` });
    else if (target.kind === 'group' || target.kind === 'function' || target.kind === 'category') {
      problems.push({ file: file.file, path, reason: `${targetId} is a ${target.kind}; list its items instead` });
    } else if (linked.has(`${file.source}|${targetId}`)) {
      problems.push({ file: file.file, path, reason: `${targetId} is both linked from ${file.source} and not_covered` });
    } else if (declared.has(`${file.source}|${targetId}`)) problems.push({ file: file.file, path, reason: `${targetId} is listed twice in not_covered` });
    else {
      declared.add(`${file.source}|${targetId}`);
      notCovered.push({ sourceFrameworkId: file.source, targetId, reason: entry.reason });
    }
  }
  return notCovered;
}
