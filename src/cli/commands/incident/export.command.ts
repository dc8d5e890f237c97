import { Option, type Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import { exportTimelineCsv } from '../../../services/incidents/export-timeline-csv';
import { generateIncidentReport } from '../../../services/incidents/generate-incident-report';
import type { CliContext } from '../../cli-context';
import { writeOutputFile } from '../../write-output-file';
import { inReportOrganisation } from '../report/report-session';

interface ExportOptions {
  org?: string;
  id: string;
  format: 'pdf' | 'csv';
  lang: 'ja' | 'en';
  output?: string;
}

/**
 * `iotcheck incident export --org ID --id I --format pdf|csv [--lang ja|en] -o FILE`: the incident
 * report PDF or the timeline CSV, through the same use cases as the job and the download. The
 * file appears whole or not at all.
 */
export function registerIncidentExportCommand(incident: Command, context: CliContext): void {
  const m = context.messages;
  incident
    .command('export')
    .description(m.incidentExport)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--id <id>', m.incidentIdOption)
    .addOption(new Option('--format <format>', m.incidentFormatOption).choices(['pdf', 'csv']).default('pdf'))
    .addOption(new Option('--lang <language>', m.incidentLangOption).choices(['ja', 'en']).default('ja'))
    .option('-o, --output <file>', m.outputOption)
    .action(async (options: ExportOptions) => {
      const output = options.output;
      if (!output)
        throw new DomainError('VALIDATION_FAILED', m.incidentExportNeedsFile, [{ field: '-o', reason: 'required' }]);
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        if (options.format === 'csv') {
          const csv = await exportTimelineCsv(deps, { actor, incidentId: options.id });
          return writeOutputFile(output, csv.content);
        }
        const pdf = await generateIncidentReport(deps, { actor, incidentId: options.id, language: options.lang });
        await writeOutputFile(output, (destination) => pdf.write(destination));
      });
      context.err(m.reportWritten(output));
    });
}
