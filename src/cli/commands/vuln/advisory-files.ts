import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DomainError } from '../../../core/domain-error';
import type { CliMessages } from '../../messages';

const ADVISORY_EXTENSIONS = new Set(['.json', '.xml']);

/**
 * The files named on the command line, directories walked (recursively, in name order) for
 * .json and .xml files. A path that does not exist, or a directory without such files, is a
 * located refusal before anything is read.
 */
export function advisoryFilesOf(paths: readonly string[], m: CliMessages): string[] {
  const files: string[] = [];
  const problems: { file: string; reason: string }[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      problems.push({ file: path, reason: 'no such file or directory' });
      continue;
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = walk(path);
    if (found.length === 0) problems.push({ file: path, reason: m.vulnNoFiles(path) });
    files.push(...found);
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', m.vulnNoFiles(paths.join(', ')), problems);
  return [...new Set(files)];
}

function walk(directory: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...walk(path));
    else if (entry.isFile() && ADVISORY_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}
