import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../core/catalog/catalog.types';
import { loadCatalog } from '../integrations/catalog/load-catalog';
import { buildApp } from '../server/app';
import { createCatalogDeps } from '../services/catalog/catalog-deps';
import { createTestConfig } from './test-config';
import type { TestDatabase } from './test-database';

let shippedCatalog: Catalog | undefined;

/** The shipped catalog, loaded once per test file. */
export function testCatalog(): Catalog {
  shippedCatalog ??= loadCatalog();
  return shippedCatalog;
}

/** The real HTTP edge over a test database and the shipped catalog, for `app.inject`. */
export async function createTestApp(database: TestDatabase, env: Record<string, string> = {}): Promise<FastifyInstance> {
  return buildApp({ config: createTestConfig(env), database, ...createCatalogDeps(testCatalog()) }, { webRoot: '/nonexistent' });
}
