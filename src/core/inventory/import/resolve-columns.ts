import type { ProblemDetail } from '../../domain-error';
import { columnByKey, columnForHeader, foldHeader, type ImportColumn } from './import-columns';

/** A custom field an organisation defined, as the importer needs it. */
export interface CustomFieldSpec {
  readonly key: string;
  readonly labels: readonly string[];
  readonly type: 'text' | 'number' | 'date' | 'boolean' | 'choice';
  readonly choices: readonly string[];
}

/** What one column of the file fills: a device field, a custom field, or nothing (ignored). */
export type ResolvedColumn =
  | { readonly target: 'device'; readonly column: ImportColumn; readonly header: string }
  | { readonly target: 'custom'; readonly field: CustomFieldSpec; readonly header: string }
  | { readonly target: 'ignored'; readonly header: string };

export interface ResolvedHeader {
  readonly columns: readonly ResolvedColumn[];
  /** Problems with the header row itself (row 1). Unknown columns are problems unless ignored. */
  readonly problems: readonly ProblemDetail[];
  readonly unknownColumns: readonly number[];
}

/**
 * Reads the header row: a saved column mapping (header → canonical key, or `custom:<key>`, or
 * `ignore`) first, then the canonical headers and their Japanese/English aliases, then custom
 * field keys and labels. Columns are 1-based in problems, as a spreadsheet numbers them.
 */
export function resolveColumns(
  headers: readonly string[],
  mapping: Readonly<Record<string, string>>,
  customFields: readonly CustomFieldSpec[],
): ResolvedHeader {
  const mapped = new Map(Object.entries(mapping).map(([header, key]) => [foldHeader(header), key]));
  const custom = new Map(
    customFields.flatMap((field) => [field.key, ...field.labels].map((l) => [foldHeader(l), field])),
  );
  const problems: ProblemDetail[] = [];
  const unknownColumns: number[] = [];
  const seen = new Map<string, number>();
  const columns = headers.map((raw, index): ResolvedColumn => {
    const header = raw.trim();
    const at = { row: 1, column: index + 1, value: header };
    const resolved = resolveOne(header, mapped.get(foldHeader(header)), custom);
    if (!resolved) {
      if (header === '') return { target: 'ignored', header };
      unknownColumns.push(index + 1);
      problems.push({
        ...at,
        field: header,
        reason: 'unknown column: rename it to a known header or map it with a column mapping',
        code: 'unknown_column',
      });
      return { target: 'ignored', header };
    }
    if (resolved.target === 'ignored') return resolved;
    const target = resolved.target === 'device' ? resolved.column.key : `custom:${resolved.field.key}`;
    const first = seen.get(target);
    if (first !== undefined) {
      problems.push({
        ...at,
        field: target,
        reason: `column ${first} already fills ${target}`,
        code: 'duplicate_column',
        params: { other: first },
      });
      return { target: 'ignored', header };
    }
    seen.set(target, index + 1);
    return resolved;
  });
  if (!seen.has('asset_tag')) {
    problems.push({ row: 1, field: 'asset_tag', reason: 'no asset tag column (資産番号, asset_tag)', code: 'missing' });
  }
  return { columns, problems, unknownColumns };
}

function resolveOne(
  header: string,
  mappedKey: string | undefined,
  custom: ReadonlyMap<string, CustomFieldSpec>,
): ResolvedColumn | undefined {
  if (mappedKey === 'ignore') return { target: 'ignored', header };
  if (mappedKey?.startsWith('custom:')) {
    const field = custom.get(foldHeader(mappedKey.slice('custom:'.length)));
    return field ? { target: 'custom', field, header } : undefined;
  }
  const column = mappedKey ? columnByKey(mappedKey) : columnForHeader(header);
  if (column) return { target: 'device', column, header };
  const field = custom.get(foldHeader(header));
  return field ? { target: 'custom', field, header } : undefined;
}
