import type { Command } from 'commander';
import { connectDatabase } from '../../db/connect';
import { migrateToLatest, readMigrationStatus } from '../../db/migrate';
import type { CliContext } from '../cli-context';

/** `iotcheck db migrate` and `iotcheck db status`. */
export function registerDbCommands(program: Command, context: CliContext): void {
  const db = program.command('db').description(context.messages.db);
  db.command('migrate')
    .description(context.messages.dbMigrate)
    .action(async () => {
      context.requireLocal();
      const database = connectDatabase(context.config().database);
      try {
        const applied = await migrateToLatest(database);
        context.out(context.messages.migrated(applied.length));
      } finally {
        await database.close();
      }
    });
  db.command('status')
    .description(context.messages.dbStatus)
    .action(async () => {
      context.requireLocal();
      const database = connectDatabase(context.config().database);
      try {
        const status = await readMigrationStatus(database);
        context.out(context.messages.statusLine(database.dialect, status.applied.length, status.pending.length));
        for (const name of status.applied) context.out(`  ${context.messages.applied}  ${name}`);
        for (const name of status.pending) context.out(`  ${context.messages.pending}  ${name}`);
      } finally {
        await database.close();
      }
    });
}
