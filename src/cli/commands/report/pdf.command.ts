import { Option, type Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import { generateManagementReport } from '../../../services/reports/generate-management-report';
import type { CliContext } from '../../cli-context';
import { writeOutputFile } from '../../write-output-file';
import { inReportOrganisation } from './report-session';

interface PdfOptions {
  org?: string;
  assessment: string;
  lang: 'ja' | 'en';
  detailed?: boolean;
  output?: string;
}

/**
 * `iotcheck report pdf --org ID --assessment A --lang ja|en [--detailed] -o r.pdf`: the management
 * report as a PDF file. A PDF is binary, so -o is required; the file appears whole or not at all.
 */
export function registerReportPdfCommand(report: Command, context: CliContext): void {
  const m = context.messages;
  report
    .command('pdf')
    .description(m.reportPdf)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--assessment <id>', m.reportAssessmentOption)
    .addOption(new Option('--lang <language>', m.reportLangOption).choices(['ja', 'en']).default('ja'))
    .option('--detailed', m.reportDetailedOption)
    .option('-o, --output <file>', m.reportPdfOutputOption)
    .action(async (options: PdfOptions) => {
      const output = options.output;
      if (!output)
        throw new DomainError('VALIDATION_FAILED', m.reportPdfNeedsFile, [{ field: '-o', reason: 'required' }]);
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const pdf = await generateManagementReport(deps, {
          actor,
          assessmentId: options.assessment,
          language: options.lang,
          detailed: options.detailed === true,
        });
        await writeOutputFile(output, (destination) => pdf.write(destination));
      });
      context.err(m.reportWritten(output));
    });
}
