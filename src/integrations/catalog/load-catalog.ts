import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { assembleCatalog } from '../../core/catalog/assemble-catalog';
import type { CatalogSources, CrosswalkFileSource, FrameworkSource, ItemFileSource } from '../../core/catalog/catalog-source.types';
import type { Catalog } from '../../core/catalog/catalog.types';
import { DomainError, isDomainError, type ProblemDetail } from '../../core/domain-error';
import { CrosswalkFileSchema, FrameworkFileSchema, ItemFileSchema, type CrosswalkFile, type FrameworkFile, type ItemFile } from './catalog-file.schema';

import { DEFAULT_CATALOG_DIR } from './catalog-dir';

export { DEFAULT_CATALOG_DIR };

interface ParsedFile {
  readonly file: string;
  readonly document: Document;
  readonly lines: LineCounter;
}

/**
 * Reads, validates and assembles every YAML file under `dir`. Any problem in any file —
 * syntax, shape or a broken reference — throws CATALOG_INVALID listing each problem with its
 * file, path inside the file, line and reason. Nothing partial is ever returned.
 */
export function loadCatalog(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  const problems: ProblemDetail[] = [];
  const parsed = new Map<string, ParsedFile>();
  const frameworks: FrameworkSource[] = [];
  const itemFiles: ItemFileSource[] = [];
  const crosswalkFiles: CrosswalkFileSource[] = [];

  for (const path of listYamlFiles(dir)) {
    const file = relative(join(dir, '..'), path);
    const lines = new LineCounter();
    const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    parsed.set(file, { file, document, lines });
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({ file, row: lines.linePos(error.pos[0]).line, reason: `YAML syntax: ${error.message.split('\n')[0]}` });
      }
      continue;
    }
    const data: unknown = document.toJS();
    const kind = classify(relative(dir, path));
    if (kind === 'framework') {
      const value = validate<FrameworkFile>(FrameworkFileSchema, data, file, problems);
      if (value) frameworks.push({ ...value, file });
    } else if (kind === 'items') {
      const value = validate<ItemFile>(ItemFileSchema, data, file, problems);
      if (value) itemFiles.push({ file, framework: value.framework, items: value.items.map(({ tags: { provider_question, ...tags }, ...item }) => ({ ...item, tags: { ...tags, providerQuestion: provider_question } })) });
    } else if (kind === 'crosswalk') {
      const value = validate<CrosswalkFile>(CrosswalkFileSchema, data, file, problems);
      if (value) crosswalkFiles.push({ ...value, file });
    } else {
      problems.push({ file, reason: 'unexpected file: expected <framework>/framework.yaml, <framework>/items-*.yaml or crosswalks/<a>--<b>[/…].yaml' });
    }
  }

  if (problems.length === 0) {
    try {
      const sources: CatalogSources = { frameworks, itemFiles, crosswalkFiles };
      return assembleCatalog(sources);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push(...error.details);
    }
  }
  throw new DomainError('CATALOG_INVALID', `The catalog in ${dir} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}).`, problems.map((problem) => withLine(problem, parsed)));
}

function listYamlFiles(dir: string): string[] {
  const entries = readdirSync(dir).sort();
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listYamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function classify(relativePath: string): 'framework' | 'items' | 'crosswalk' | 'unknown' {
  const parts = relativePath.split(/[\\/]/);
  if (parts[0] === 'crosswalks') return 'crosswalk';
  if (parts.length === 2 && parts[1] === 'framework.yaml') return 'framework';
  if (parts.length === 2 && /^items-.*\.ya?ml$/.test(parts[1] ?? '')) return 'items';
  return 'unknown';
}

function validate<T>(schema: TSchema, data: unknown, file: string, problems: ProblemDetail[]): T | undefined {
  if (Value.Check(schema, data)) return data as T;
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, data)) {
    // Unions report one error per branch; the first per path is the useful one.
    const path = pointerToPath(error.instancePath);
    // An unknown key shows up twice: at the key ("schema is false") and at its object; keep the first.
    if (error.keyword === 'additionalProperties' || seen.has(path)) continue;
    seen.add(path);
    problems.push({ file, path: path || '(root)', reason: error.keyword === 'boolean' ? 'unknown key (misspelt?)' : error.message });
  }
  return undefined;
}

/** `/items/3/title/en` → `items[3].title.en` */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

/** Adds the line number of `path` inside its file, when the file was parsed. */
function withLine(problem: ProblemDetail, parsed: ReadonlyMap<string, ParsedFile>): ProblemDetail {
  if (problem.row !== undefined || !problem.file || !problem.path) return problem;
  const source = parsed.get(problem.file);
  if (!source) return problem;
  const segments = problem.path.match(/[^.[\]]+/g)?.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)) ?? [];
  for (let length = segments.length; length >= 0; length -= 1) {
    const node: unknown = source.document.getIn(segments.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return { ...problem, row: source.lines.linePos(range[0]).line };
  }
  return problem;
}

