import { Option, type Command } from 'commander';
import { generateChecksheetWorkbook } from '../../../services/reports/generate-checksheet-workbook';
import type { CliContext } from '../../cli-context';
import { writeOutputFile } from '../../write-output-file';
import { inReportOrganisation } from './report-session';

interface XlsxOptions {
  org?: string;
  assessment: string;
  lang: 'ja' | 'en';
  output?: string;
}

/**
 * `iotcheck report xlsx --org ID --assessment A [--lang ja|en] [-o a.xlsx]`: the checksheet
 * workbook, written through a temporary file and a rename (default name: the report's own).
 */
export function registerReportXlsxCommand(report: Command, context: CliContext): void {
  const m = context.messages;
  report
    .command('xlsx')
    .description(m.reportXlsx)
    .addOption(new Option('--org <id-or-slug>', m.reportOrgOption))
    .requiredOption('--assessment <id>', m.reportAssessmentOption)
    .addOption(new Option('--lang <lang>', m.reportLangOption).choices(['ja', 'en']).default('ja'))
    .option('-o, --output <file>', m.reportOutputOption)
    .action(async (options: XlsxOptions) => {
      const file = await inReportOrganisation(context, options.org, async (deps, actor) => {
        const workbook = await generateChecksheetWorkbook(deps, {
          actor,
          assessmentId: options.assessment,
          language: options.lang,
        });
        const target = options.output ?? workbook.fileName;
        await writeOutputFile(target, (destination) => workbook.write(destination));
        return target;
      });
      context.err(m.reportWritten(file));
    });
}
