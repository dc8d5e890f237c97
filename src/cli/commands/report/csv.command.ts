import { Option, type Command } from 'commander';
import { ASSESSMENT_CSV_KINDS, type AssessmentCsvKind } from '../../../core/reports/csv/assessment-csv-table';
import type { ExchangeLanguage } from '../../../core/reports/exchange-labels';
import { exportAssessmentCsv } from '../../../services/reports/export-assessment-csv';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from './report-session';
import { writeTextReport } from './report-output';

interface CsvOptions {
  org?: string;
  assessment: string;
  kind: AssessmentCsvKind;
  lang: ExchangeLanguage;
  output?: string;
}

/**
 * `iotcheck report csv --org ID --assessment A --kind answers|findings|evidence [--lang ja|en] [-o FILE]`:
 * the CSV for Excel (UTF-8 with BOM, CRLF), to FILE or standard output.
 */
export function registerReportCsvCommand(report: Command, context: CliContext): void {
  const m = context.messages;
  report
    .command('csv')
    .description(m.reportCsv)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--assessment <id>', m.reportAssessmentOption)
    .addOption(new Option('--kind <kind>', m.reportCsvKindOption).choices(ASSESSMENT_CSV_KINDS).makeOptionMandatory())
    .addOption(new Option('--lang <lang>', m.reportLangOption).choices(['ja', 'en']).default('ja'))
    .option('-o, --output <file>', m.outputOption)
    .action(async (options: CsvOptions) => {
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const generated = await exportAssessmentCsv(deps, {
          actor,
          assessmentId: options.assessment,
          kind: options.kind,
          language: options.lang,
        });
        await writeTextReport(context, generated, options.output);
      });
    });
}
