import type { Language } from '../../core/catalog/catalog.types';
import { buildFrameworkTree } from '../../core/catalog/framework-tree';
import {
  formatFrameworkExport,
  type ExportedFile,
  type ExportFormat,
} from '../../integrations/exports/catalog-export-format';
import { oscalCatalogJson } from '../reports/export-oscal';
import type { CatalogDeps } from './catalog-deps';

/**
 * A framework as a JSON, CSV or YAML file, in both languages or one; or as an OSCAL 1.1.3 catalog,
 * which holds one language (Japanese unless `lang` says otherwise).
 */
export function exportFramework(
  deps: Pick<CatalogDeps, 'catalog'>,
  options: { frameworkId: string; format: ExportFormat; lang?: Language },
): ExportedFile {
  if (options.format === 'oscal')
    return {
      mediaType: 'application/json',
      extension: 'oscal.json',
      content: oscalCatalogJson(deps, { frameworkId: options.frameworkId, language: options.lang ?? 'ja' }),
    };
  return formatFrameworkExport(buildFrameworkTree(deps.catalog, options.frameworkId), options.format, options.lang);
}
