import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DomainError } from '../core/domain-error';

/** Most alias expansions an assessment document may make: it needs none; more is a "billion laughs" file. */
export const MAX_DOCUMENT_ALIASES = 100;

/**
 * Reads an assessment document: YAML for .yaml/.yml, JSON otherwise. A parse error, or YAML whose
 * aliases expand more than MAX_DOCUMENT_ALIASES times, is VALIDATION_FAILED naming the file and,
 * where the parser knows it, the line.
 */
export function readDocumentFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const isYaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  try {
    return isYaml ? parseYaml(text, { maxAliasCount: MAX_DOCUMENT_ALIASES }) : JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unreadable';
    const line = (error as { linePos?: [{ line: number }] }).linePos?.[0]?.line;
    throw new DomainError('VALIDATION_FAILED', `${file} is not valid ${isYaml ? 'YAML' : 'JSON'}.`, [
      { file, ...(line !== undefined ? { row: line } : {}), reason: message },
    ]);
  }
}
