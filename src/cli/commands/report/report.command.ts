import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerReportPdfCommand } from './pdf.command';

/** `iotcheck report …`: reports and exchange files of an assessment, one file per subcommand. */
export function registerReportCommands(program: Command, context: CliContext): void {
  const report = program.command('report').description(context.messages.reportCommand);
  registerReportPdfCommand(report, context);
}
