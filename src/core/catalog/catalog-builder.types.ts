import type { CatalogNode } from './catalog.types';

/** A node while the catalog is being assembled: children are still being appended. */
export type MutableNode = { -readonly [K in keyof CatalogNode]: CatalogNode[K] } & { childIds: string[] };

/** Adds a node under its parent (order = position among siblings); undefined when the id is taken. */
export type AddNode = (node: Omit<MutableNode, 'childIds' | 'order'>, file: string, path: string) => MutableNode | undefined;
