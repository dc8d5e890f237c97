import { Migrator, type MigrationResult } from 'kysely';
import { DomainError } from '../core/domain-error';
import type { Database } from './database';
import { MIGRATIONS } from './migrations/index';

export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

function createMigrator(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
}

/** Applies every pending migration in one run; throws with the failing migration's name. */
export async function migrateToLatest(database: Database): Promise<readonly string[]> {
  const { error, results } = await createMigrator(database).migrateToLatest();
  const failed = results?.find((result: MigrationResult) => result.status === 'Error');
  if (error) {
    const which = failed ? `migration ${failed.migrationName}` : 'migrating';
    throw new DomainError('DATABASE_UNAVAILABLE', `${which} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Undoes the newest applied migration (for development and the down-migration test). */
export async function migrateDown(database: Database): Promise<void> {
  const { error } = await createMigrator(database).migrateDown();
  if (error) throw new DomainError('DATABASE_UNAVAILABLE', `migrating down failed: ${(error as Error).message}`);
}

/** Lists applied and pending migrations by name. */
export async function readMigrationStatus(database: Database): Promise<MigrationStatus> {
  const migrations = await createMigrator(database).getMigrations();
  return {
    applied: migrations.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name),
    pending: migrations.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name),
  };
}

/**
 * Brings the schema to exactly `name` (up or down). Restore uses it to load a backup at the
 * migration level it was taken at, before migrating the restored rows to the latest.
 */
export async function migrateTo(database: Database, name: string): Promise<void> {
  const { error } = await createMigrator(database).migrateTo(name);
  if (error) throw new DomainError('DATABASE_UNAVAILABLE', `migrating to ${name} failed: ${(error as Error).message}`);
}
