import { buildFrameworkTree, type FrameworkTree } from '../../core/catalog/framework-tree';
import type { CatalogDeps } from './catalog-deps';

/** The whole tree of one framework; FRAMEWORK_NOT_FOUND when the id is unknown. */
export function getFrameworkTree(deps: CatalogDeps, options: { frameworkId: string }): FrameworkTree {
  return buildFrameworkTree(deps.catalog, options.frameworkId);
}
