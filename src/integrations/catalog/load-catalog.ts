import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { assembleCatalog } from '../../core/catalog/assemble-catalog';
import type {
  CatalogSources,
  CrosswalkFileSource,
  DocumentSource,
  FrameworkSource,
  GroupFileSource,
  ItemFileSource,
} from '../../core/catalog/catalog-source.types';
import type { Catalog } from '../../core/catalog/catalog.types';
import { DomainError, isDomainError, type ProblemDetail } from '../../core/domain-error';
import {
  CrosswalkFileSchema,
  DocumentFileSchema,
  FrameworkFileSchema,
  GroupFileSchema,
  GuidelineFrameworkFileSchema,
  ItemFileSchema,
  type CrosswalkFile,
  type DocumentFile,
  type FrameworkFile,
  type GroupFile,
  type GuidelineFrameworkFile,
  type ItemFile,
} from './catalog-file.schema';

import { DEFAULT_CATALOG_DIR } from './catalog-dir';

export { DEFAULT_CATALOG_DIR };

/**
 * Most alias expansions one catalog file may make. The catalog uses none; the limit refuses a
 * "billion laughs" file (aliases of aliases) before it expands into gigabytes.
 */
export const MAX_YAML_ALIASES = 100;

interface ParsedFile {
  readonly file: string;
  readonly document: Document;
  readonly lines: LineCounter;
}

/** One catalog file: its name relative to the catalog's parent (`catalog/jssec-v2/framework.yaml`) and its text. */
export interface CatalogFileText {
  readonly file: string;
  readonly text: string;
}

/**
 * Reads, validates and assembles every YAML file under `dir`. Any problem in any file —
 * syntax, shape or a broken reference — throws CATALOG_INVALID listing each problem with its
 * file, path inside the file, line and reason. Nothing partial is ever returned.
 */
export function loadCatalog(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  const files = listYamlFiles(dir).map((path) => ({
    file: relative(join(dir, '..'), path),
    text: readFileSync(path, 'utf8'),
  }));
  try {
    return parseCatalog(files);
  } catch (error) {
    if (isDomainError(error) && error.code === 'CATALOG_INVALID') {
      throw new DomainError(
        'CATALOG_INVALID',
        `The catalog in ${dir} is invalid (${plural(error.details.length)}).`,
        error.details,
      );
    }
    throw error;
  }
}

/**
 * The same as loadCatalog over file texts already read: a pure function of the files' names
 * and contents (a build step may snapshot its result). File names start with the catalog
 * folder's name (`catalog/…`).
 */
export function parseCatalog(files: readonly CatalogFileText[]): Catalog {
  const problems: ProblemDetail[] = [];
  const parsed = new Map<string, ParsedFile>();
  const frameworks: FrameworkSource[] = [];
  const itemFiles: ItemFileSource[] = [];
  const crosswalkFiles: CrosswalkFileSource[] = [];
  const groupFiles: GroupFileSource[] = [];
  const documents: DocumentSource[] = [];

  for (const { file, text } of files) {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    parsed.set(file, { file, document, lines });
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({
          file,
          row: lines.linePos(error.pos[0]).line,
          reason: `YAML syntax: ${error.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    const data = toData(document, file, lines, problems);
    if (data === REFUSED) continue;
    const kind = classify(file.split(/[\\/]/).slice(1).join('/'));
    const has = (key: string) => typeof data === 'object' && data !== null && key in data;
    if (kind === 'framework' && has('kind') && (data as { kind: unknown }).kind === 'guideline') {
      const value = validate<GuidelineFrameworkFile>(GuidelineFrameworkFileSchema, data, file, problems);
      if (value) frameworks.push({ ...value, date: String(value.date), functions: [], file });
    } else if (kind === 'framework') {
      const value = validate<FrameworkFile>(FrameworkFileSchema, data, file, problems);
      const inferred = value?.functions.some((fn) => fn.categories.some((category) => category.subcategories))
        ? 'csf'
        : 'checksheet';
      if (value) frameworks.push({ ...value, kind: value.kind ?? inferred, groups: [], file });
    } else if (kind === 'items' && has('groups')) {
      const value = validate<GroupFile>(GroupFileSchema, data, file, problems);
      if (value) groupFiles.push({ ...value, file });
    } else if (kind === 'items') {
      const value = validate<ItemFile>(ItemFileSchema, data, file, problems);
      if (value)
        itemFiles.push({
          file,
          framework: value.framework,
          items: value.items.map(({ tags: { provider_question, ...tags }, ...item }) => ({
            ...item,
            tags: { ...tags, providerQuestion: provider_question },
          })),
        });
    } else if (kind === 'crosswalk') {
      const value = validate<CrosswalkFile>(CrosswalkFileSchema, data, file, problems);
      if (value) {
        // The schema has checked `origin` against `judgement | reference:…`.
        const { not_covered, ...rest } = value as CrosswalkFile & Pick<CrosswalkFileSource, 'origin' | 'links'>;
        crosswalkFiles.push({ ...rest, notCovered: not_covered ?? [], file });
      }
    } else if (kind === 'glossary') {
      // catalog/glossary.yaml: the preferred Japanese terms, enforced by a content test, not loaded.
    } else if (kind === 'document') {
      const value = validate<DocumentFile>(DocumentFileSchema, data, file, problems);
      if (value) {
        const { in_handbook, good_for, structure, date, ...rest } = value;
        documents.push({
          ...rest,
          date: String(date),
          inHandbook: in_handbook,
          ...(good_for ? { goodFor: good_for } : {}),
          structure: structure ?? [],
          file,
        });
      }
    } else {
      problems.push({
        file,
        reason:
          'unexpected file: expected <framework>/framework.yaml, <framework>/items-*.yaml, guidelines/<document>.yaml or crosswalks/<a>--<b>[/…].yaml',
      });
    }
  }

  if (problems.length === 0) {
    try {
      const sources: CatalogSources = { frameworks, itemFiles, crosswalkFiles, groupFiles, documents };
      return assembleCatalog(sources);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push(...error.details);
    }
  }
  throw new DomainError(
    'CATALOG_INVALID',
    `The catalog is invalid (${plural(problems.length)}).`,
    problems.map((problem) => withLine(problem, parsed)),
  );
}

const plural = (count: number) => `${count} problem${count === 1 ? '' : 's'}`;

function listYamlFiles(dir: string): string[] {
  const entries = readdirSync(dir).sort();
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listYamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function classify(relativePath: string): 'framework' | 'items' | 'crosswalk' | 'document' | 'glossary' | 'unknown' {
  const parts = relativePath.split(/[\\/]/);
  if (relativePath === 'glossary.yaml') return 'glossary';
  if (parts[0] === 'crosswalks') return 'crosswalk';
  if (parts[0] === 'guidelines') return parts.length === 2 ? 'document' : 'unknown';
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
    problems.push({
      file,
      path: path || '(root)',
      reason: error.keyword === 'boolean' ? 'unknown key (misspelt?)' : error.message,
    });
  }
  return undefined;
}

const REFUSED = Symbol('refused');

/** The document as plain data, or REFUSED (with a problem at its first alias) when aliases expand too far. */
function toData(document: Document, file: string, lines: LineCounter, problems: ProblemDetail[]): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    let offset = 0;
    visit(document, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const message = error instanceof Error ? error.message.split('\n')[0]! : 'unreadable';
    const reason = /alias/i.test(message)
      ? `YAML aliases expand more than ${MAX_YAML_ALIASES} times (refused as a resource exhaustion attack)`
      : `YAML: ${message}`;
    problems.push({ file, row: lines.linePos(offset).line, reason });
    return REFUSED;
  }
}

/** `/items/3/title/en` → `items[3].title.en` */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
      '',
    );
}

/** Adds the line number of `path` inside its file, when the file was parsed. */
function withLine(problem: ProblemDetail, parsed: ReadonlyMap<string, ParsedFile>): ProblemDetail {
  if (problem.row !== undefined || !problem.file || !problem.path) return problem;
  const source = parsed.get(problem.file);
  if (!source) return problem;
  const segments =
    problem.path.match(/[^.[\]]+/g)?.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)) ?? [];
  for (let length = segments.length; length >= 0; length -= 1) {
    const node: unknown = source.document.getIn(segments.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return { ...problem, row: source.lines.linePos(range[0]).line };
  }
  return problem;
}
