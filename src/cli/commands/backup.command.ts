import { createReadStream, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { AppConfig } from '../../config/config';
import { connectDatabase } from '../../db/connect';
import { openFileStores } from '../../integrations/files/file-stores';
import { readInstallationKey } from '../../integrations/secrets/installation-key';
import type { BackupDeps } from '../../services/backup/backup-deps';
import { createBackup } from '../../services/backup/create-backup';
import { restoreBackup } from '../../services/backup/restore-backup';
import type { CliContext } from '../cli-context';
import { writeOutputFile } from '../write-output-file';

/** `iotcheck backup -o FILE` and `iotcheck restore FILE`, on the server machine only. */
export function registerBackupCommands(program: Command, context: CliContext): void {
  const { messages } = context;
  const operator = () => cliActor(userInfo().username || 'operator');

  program
    .command('backup')
    .description(messages.backupCommand)
    .requiredOption('-o, --output <file>', messages.backupOutputOption)
    .action(async (options: { output: string }) => {
      context.requireLocal();
      const config = context.config();
      const file = resolve(options.output);
      const installationKey = readInstallationKey({ configured: config.secretKey, dataDir: config.dataDir });
      const summary = await withBackupDeps(config, (deps) => {
        let result: Awaited<ReturnType<typeof createBackup>> | undefined;
        return writeOutputFile(file, async (destination) => {
          result = await createBackup(deps, {
            actor: operator(),
            destination,
            spoolDir: dirname(file),
            installationKey,
          });
        }).then(() => result!);
      });
      context.out(messages.backupWritten(file, summary.tables, summary.rows, summary.evidenceFiles, summary.jobFiles));
      context.out(messages.backupHoldsKey);
    });

  program
    .command('restore')
    .description(messages.restoreCommand)
    .argument('<file>', messages.restoreFileArgument)
    .action(async (path: string) => {
      context.requireLocal();
      const config = context.config();
      const file = resolve(path);
      if (!existsSync(file))
        throw new DomainError('NOT_FOUND', `No such backup file: ${file}`, [{ file, reason: 'does not exist' }]);
      const summary = await withBackupDeps(config, (deps) =>
        restoreBackup(deps, {
          actor: operator(),
          open: () => createReadStream(file),
          installationKey: { configured: config.secretKey, dataDir: config.dataDir },
        }),
      );
      context.out(
        messages.restored(
          summary.tables,
          summary.rows,
          summary.evidenceFiles,
          summary.jobFiles,
          summary.backupDialect,
          summary.backupVersion,
        ),
      );
      if (config.secretKey === undefined) context.out(messages.restoredKey);
      if (summary.migratedAfter > 0) context.out(messages.migratedAfterRestore(summary.migratedAfter));
    });
}

/** The database and the file stores EVIDENCE_STORE names (local DATA_DIR or PostgreSQL), as the server opens them. */
async function withBackupDeps<T>(config: AppConfig, work: (deps: BackupDeps) => Promise<T>): Promise<T> {
  const database = connectDatabase(config.database);
  const stores = openFileStores(config);
  try {
    return await work({
      database,
      evidenceStore: stores.evidenceStore,
      jobFiles: stores.jobFiles,
      clock: () => new Date(),
    });
  } finally {
    await stores.close();
    await database.close();
  }
}
