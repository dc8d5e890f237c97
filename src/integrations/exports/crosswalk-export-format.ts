import { formatExcelCsv } from './csv-table';
import type { CrosswalkExport } from '../../core/crosswalk/crosswalk-export';
import type { ExportedFile } from './catalog-export-format';

export const CROSSWALK_EXPORT_FORMATS = ['json', 'csv'] as const;
export type CrosswalkExportFormat = (typeof CROSSWALK_EXPORT_FORMATS)[number];

/**
 * A crosswalk as JSON (`{from, to, links, notCovered}`) or CSV: one row per link, then one row
 * per not-covered target with relationship `not_covered` and the reason as its rationale. CSV
 * starts with a BOM so Excel opens the Japanese correctly.
 */
export function formatCrosswalkExport(crosswalk: CrosswalkExport, format: CrosswalkExportFormat): ExportedFile {
  if (format === 'json')
    return { mediaType: 'application/json', extension: 'json', content: `${JSON.stringify(crosswalk, null, 2)}\n` };
  const rows = [
    ...crosswalk.links.map((link) => ({
      from: crosswalk.from,
      source: link.source,
      to: crosswalk.to,
      target: link.target,
      relationship: link.relationship,
      rationale_ja: link.rationale.ja,
      rationale_en: link.rationale.en,
      origin: link.origin,
    })),
    ...crosswalk.notCovered.map((entry) => ({
      from: crosswalk.from,
      source: '',
      to: crosswalk.to,
      target: entry.target,
      relationship: 'not_covered',
      rationale_ja: entry.reason.ja,
      rationale_en: entry.reason.en,
      origin: '',
    })),
  ];
  const columns = ['from', 'source', 'to', 'target', 'relationship', 'rationale_ja', 'rationale_en', 'origin'];
  return {
    mediaType: 'text/csv',
    extension: 'csv',
    content: formatExcelCsv(rows, { header: true, columns }),
  };
}
