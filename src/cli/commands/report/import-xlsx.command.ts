import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { DomainError, isDomainError } from '../../../core/domain-error';
import { importChecksheetWorkbook } from '../../../services/reports/import-checksheet-workbook';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from './report-session';

/**
 * `iotcheck report import-xlsx --org ID FILE [--dry-run]`: prints each change (No., field,
 * before → after), applied unless --dry-run. A refused workbook applies nothing: exit 65
 * (VALIDATION_FAILED) with every located problem on stderr; 75 for a conflict or a closed assessment.
 */
export function registerReportImportXlsxCommand(report: Command, context: CliContext): void {
  const m = context.messages;
  report
    .command('import-xlsx')
    .description(m.reportImportXlsx)
    .argument('<file>', m.reportWorkbookArgument)
    .addOption(new Option('--org <id-or-slug>', m.reportOrgOption))
    .option('--dry-run', m.reportDryRunOption)
    .action(async (file: string, options: { org?: string; dryRun?: boolean }) => {
      const name = basename(file);
      const result = await inReportOrganisation(context, options.org, (deps, actor) =>
        importChecksheetWorkbook(deps, { actor, file, dryRun: options.dryRun === true }),
      ).catch((error: unknown) => {
        if (!isDomainError(error) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'CONFLICT')) throw error;
        const message = error.code === 'CONFLICT' ? m.workbookConflict(name) : m.nothingApplied(name);
        throw new DomainError(error.code, message, error.details);
      });
      if (result.changes.length === 0) return context.out(m.workbookNoChanges(name));
      context.out(m.workbookChanges(name, result.changes.length));
      const shown = (field: 'result' | 'comment', value: string) =>
        field === 'result'
          ? (m.results[value as keyof typeof m.results] ?? value)
          : value === ''
            ? m.workbookEmpty
            : value.replace(/\n/g, ' ↵ '); // one line per change, also for comments of several lines
      for (const change of result.changes)
        context.out(
          m.workbookChange(
            change.number,
            change.field,
            shown(change.field, change.before),
            shown(change.field, change.after),
          ),
        );
      context.out(result.applied ? m.workbookApplied(result.changes.length) : m.workbookDryRun);
    });
}
