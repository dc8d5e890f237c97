import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { cliActor } from '../../../core/auth/actor';
import { connectDatabase } from '../../../db/connect';
import { migrateToLatest } from '../../../db/migrate';
import { readAdvisories } from '../../../integrations/feeds/read-advisory-file';
import type { AdvisorySourceChoice } from '../../../services/vulnerabilities/import/advisory-reader';
import {
  importAdvisoryFiles,
  type AdvisoryImportProgress,
} from '../../../services/vulnerabilities/import/import-advisory-files';
import type { CliContext } from '../../cli-context';
import { advisoryFilesOf } from './advisory-files';

const SOURCES: readonly AdvisorySourceChoice[] = ['auto', 'nvd', 'jvn', 'csaf', 'osv'];

interface ImportOptions {
  source: AdvisorySourceChoice;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `iotcheck vuln import FILE|DIR… [--source …] [--dry-run] [--json]`: installation-wide feeds,
 * as the CLI operator. Every file is validated before anything is written; one invalid file
 * refuses the whole import (exit 65, each problem on stderr as `file, path, field: reason`).
 * Progress goes to stderr, the summary to stdout.
 */
export function registerVulnImportCommand(vuln: Command, context: CliContext): void {
  const m = context.messages;
  vuln
    .command('import')
    .description(m.vulnImport)
    .argument('<paths...>', m.vulnFilesArgument)
    .addOption(new Option('--source <format>', m.vulnSourceOption).choices(SOURCES).default('auto'))
    .option('--dry-run', m.vulnDryRunOption)
    .option('--json', m.jsonOption)
    .action(async (paths: string[], options: ImportOptions) => {
      context.requireLocal();
      const files = advisoryFilesOf(paths, m);
      const database = connectDatabase(context.config().database);
      try {
        await migrateToLatest(database);
        const result = await importAdvisoryFiles(
          { database, clock: () => new Date(), readAdvisories },
          {
            actor: cliActor(userInfo().username || 'operator'),
            files,
            source: options.source,
            scope: { kind: 'installation' },
            dryRun: options.dryRun === true,
            onProgress: (progress) => reportProgress(context, progress),
          },
        );
        if (options.json) return context.json(result);
        context.out(m.vulnImported(result.files, result.read, result.inserted, result.updated, result.unchanged));
        if (result.skippedFiles > 0) context.out(m.vulnSkippedFiles(result.skippedFiles));
        if (result.pendingTexts > 0) context.out(m.vulnPendingTexts(result.pendingTexts));
        if (result.dryRun) context.out(m.vulnDryRun);
      } finally {
        await database.close();
      }
    });
}

/** One line per thousand advisories and per finished file, on stderr (stdout stays the summary). */
function reportProgress(context: CliContext, progress: AdvisoryImportProgress): void {
  context.err(
    context.messages.vulnProgress(
      basename(progress.file),
      Math.min(progress.files, progress.fileIndex + (progress.advisories > 0 ? 1 : 0)),
      progress.files,
      progress.advisories,
      progress.phase === 'validate',
    ),
  );
}
