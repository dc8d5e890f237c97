import { buildCrosswalkExport } from '../../core/crosswalk/crosswalk-export';
import { formatCrosswalkExport, type CrosswalkExportFormat } from '../../integrations/exports/crosswalk-export-format';
import type { ExportedFile } from '../../integrations/exports/catalog-export-format';
import type { CatalogDeps } from './catalog-deps';

/** The links between two frameworks as a JSON or CSV file; FRAMEWORK_NOT_FOUND for an unknown id. */
export function exportCrosswalk(deps: CatalogDeps, options: { from: string; to: string; format: CrosswalkExportFormat }): ExportedFile {
  return formatCrosswalkExport(buildCrosswalkExport(deps.catalog, options.from, options.to), options.format);
}
