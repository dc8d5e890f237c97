import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerReportImportXlsxCommand } from './import-xlsx.command';
import { registerReportXlsxCommand } from './xlsx.command';
import { registerReportCsvCommand } from './csv.command';
import { registerReportOscalCommand } from './oscal.command';
import { registerReportPdfCommand } from './pdf.command';

/** `iotcheck report …`: reports and exchange files of an assessment, one file per subcommand. */
export function registerReportCommands(program: Command, context: CliContext): void {
  const report = program.command('report').description(context.messages.reportCommand);
  registerReportXlsxCommand(report, context);
  registerReportImportXlsxCommand(report, context);
  registerReportOscalCommand(report, context);
  registerReportCsvCommand(report, context);
  registerReportPdfCommand(report, context);
}
