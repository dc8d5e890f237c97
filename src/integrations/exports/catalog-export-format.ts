import { formatExcelCsv } from './csv-table';
import { stringify as toYaml } from 'yaml';
import { toExportDocument, toExportRows } from '../../core/catalog/catalog-export';
import type { Language } from '../../core/catalog/catalog.types';
import type { FrameworkTree } from '../../core/catalog/framework-tree';

/** Formats of `catalog export`; `oscal` is an OSCAL 1.1.3 catalog (built in services/reports/export-oscal.ts). */
export const EXPORT_FORMATS = ['json', 'csv', 'yaml', 'oscal'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats serialised from the framework tree here. */
export type TreeExportFormat = Exclude<ExportFormat, 'oscal'>;

export interface ExportedFile {
  readonly mediaType: string;
  readonly extension: string;
  readonly content: string;
}

/** Serialises a framework tree. CSV starts with a BOM so Excel opens the Japanese correctly. */
export function formatFrameworkExport(tree: FrameworkTree, format: TreeExportFormat, lang?: Language): ExportedFile {
  switch (format) {
    case 'json':
      return {
        mediaType: 'application/json',
        extension: 'json',
        content: `${JSON.stringify(toExportDocument(tree, lang), null, 2)}\n`,
      };
    case 'yaml':
      return {
        mediaType: 'application/yaml',
        extension: 'yaml',
        content: toYaml(toExportDocument(tree, lang), { lineWidth: 0 }),
      };
    case 'csv':
      return {
        mediaType: 'text/csv',
        extension: 'csv',
        content: formatExcelCsv(toExportRows(tree, lang), { header: true }),
      };
  }
}
