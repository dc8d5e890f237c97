import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../core/catalog/catalog.types';
import { loadCatalog } from '../integrations/catalog/load-catalog';
import { buildApp, type BuildAppOptions } from '../server/app';
import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../core/auth/secret-box';
import { createArgon2Hasher } from '../integrations/auth/password-hasher';
import { createEvidenceStore } from '../integrations/evidence/evidence-store';
import { join } from 'node:path';
import type { AccountDeps } from '../services/auth/account-deps';
import { createCatalogDeps } from '../services/catalog/catalog-deps';
import { createTestConfig } from './test-config';
import type { TestDatabase } from './test-database';
import { createJobFileStore } from '../integrations/jobs/job-file-store';

let shippedCatalog: Catalog | undefined;

/** The shipped catalog, loaded once per test file. */
export function testCatalog(): Catalog {
  shippedCatalog ??= loadCatalog();
  return shippedCatalog;
}

/** A clock tests can move: `clock.advance(ms)`. */
export function createTestClock(start = new Date('2026-11-22T09:00:00.000Z')) {
  let now = start.getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advance: (ms: number) => void (now += ms),
    set: (date: Date) => void (now = date.getTime()),
  });
}

/** Account dependencies over a test database: real argon2, a fresh random sealing key. */
export function createTestAccountDeps(database: TestDatabase, clock: () => Date = () => new Date()): AccountDeps {
  return { database, clock, passwords: createArgon2Hasher(), secretBox: createSecretBox(randomBytes(32)) };
}

/**
 * The real HTTP edge over a test database and the shipped catalog, for `app.inject`; without
 * `webRoot` it serves no web app.
 */
export async function createTestApp(
  database: TestDatabase,
  env: Record<string, string> = {},
  clock?: () => Date,
  webRoot = '/nonexistent',
  options: Omit<BuildAppOptions, 'webRoot'> = {},
): Promise<FastifyInstance> {
  const config = createTestConfig(env);
  return buildApp(
    {
      config,
      ...createTestAccountDeps(database, clock),
      ...createCatalogDeps(testCatalog()),
      evidenceStore: createEvidenceStore(join(config.dataDir, 'evidence')),
      evidenceMaxBytes: config.evidenceMaxBytes,
      jobFiles: createJobFileStore(join(config.dataDir, 'jobs')),
    },
    { ...options, webRoot },
  );
}
