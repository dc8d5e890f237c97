import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { DomainError, formatProblemDetail } from '../../../core/domain-error';
import { importDevices } from '../../../services/inventory/import-devices';
import type { CliContext } from '../../cli-context';
import { inInventoryOrganisation } from './inventory-session';

interface ImportOptions {
  org?: string;
  mapping?: string;
  dryRun?: boolean;
  validOnly?: boolean;
  json?: boolean;
  progress?: boolean;
}

const SHOWN_PROBLEMS = 20;

/**
 * `iotcheck inventory import FILE [--org] [--mapping m.json] [--dry-run] [--valid-only] [--json]`:
 * exit 0 when imported, 65 when refused (each problem on stderr as `row 5, ip_address, "…": why`).
 */
export function registerInventoryImportCommand(inventory: Command, context: CliContext): void {
  const m = context.messages;
  inventory
    .command('import')
    .description(m.inventoryImport)
    .argument('<file>', m.inventoryFileArgument)
    .addOption(new Option('--org <id-or-slug>', m.inventoryOrgOption))
    .option('--mapping <file>', m.inventoryMappingOption)
    .option('--dry-run', m.inventoryDryRunOption)
    .option('--valid-only', m.inventoryValidOnlyOption)
    .option('--json', m.inventoryJsonOption)
    .option('--progress', m.inventoryProgressOption)
    .action(async (file: string, options: ImportOptions) => {
      const mapping = options.mapping === undefined ? undefined : readMapping(options.mapping, context);
      const progress = progressReporter(context, options.progress === true);
      const result = await inInventoryOrganisation(context, options.org, (deps, actor) =>
        importDevices(deps, {
          actor,
          path: file,
          fileName: basename(file),
          dryRun: options.dryRun === true,
          validOnly: options.validOnly === true,
          ...(mapping && { mapping }),
          onProgress: progress.update,
        }).finally(progress.done),
      );
      if (options.json) return context.json(result);
      context.out(m.inventoryImported(basename(file), result.rows, result.created, result.updated, result.unchanged));
      if (result.dryRun) context.out(m.inventoryDryRun);
      if (result.problemCount > 0) {
        context.err(m.inventorySkipped(result.skipped, result.problemCount));
        for (const problem of result.problems.slice(0, SHOWN_PROBLEMS))
          context.err(`  ${formatProblemDetail(problem)}`);
        if (result.problemCount > SHOWN_PROBLEMS)
          context.err(`  ${m.inventoryMoreProblems(result.problemCount - SHOWN_PROBLEMS)}`);
      }
    });
}

function readMapping(path: string, context: CliContext): Record<string, string> {
  const m = context.messages;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', m.inventoryMappingInvalid(path, (error as Error).message), [
      { file: path, reason: (error as Error).message, code: 'bad_format' },
    ]);
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((value) => typeof value === 'string');
  if (!valid) {
    const reason = 'an object of "header": "column" strings';
    throw new DomainError('VALIDATION_FAILED', m.inventoryMappingInvalid(path, reason), [
      { file: path, reason, code: 'bad_format' },
    ]);
  }
  return parsed as Record<string, string>;
}

/**
 * A one-line counter on stderr when it is a terminal; with --progress, one line per step wherever
 * stderr goes (logs, scripts); nothing otherwise.
 */
function progressReporter(context: CliContext, lines: boolean): { update: (rows: number) => void; done: () => void } {
  if (lines) return { update: (rows) => context.err(context.messages.inventoryProgress(rows)), done: () => undefined };
  if (!process.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(rows) {
      process.stderr.write(`\r${context.messages.inventoryProgress(rows)}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\n');
    },
  };
}
