import type { Language } from '../../core/catalog/catalog.types';
import { buildFrameworkTree } from '../../core/catalog/framework-tree';
import {
  formatFrameworkExport,
  type ExportedFile,
  type ExportFormat,
} from '../../integrations/exports/catalog-export-format';
import type { CatalogDeps } from './catalog-deps';

/** A framework as a JSON, CSV or YAML file, in both languages or one. */
export function exportFramework(
  deps: CatalogDeps,
  options: { frameworkId: string; format: ExportFormat; lang?: Language },
): ExportedFile {
  return formatFrameworkExport(buildFrameworkTree(deps.catalog, options.frameworkId), options.format, options.lang);
}
