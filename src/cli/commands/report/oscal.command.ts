import { Option, type Command } from 'commander';
import { DomainError, isDomainError } from '../../../core/domain-error';
import type { ExchangeLanguage } from '../../../core/reports/exchange-labels';
import {
  exportAssessmentOscal,
  OSCAL_ASSESSMENT_KINDS,
  type OscalAssessmentKind,
} from '../../../services/reports/export-oscal';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from './report-session';
import { writeTextReport } from './report-output';

interface OscalOptions {
  org?: string;
  assessment: string;
  kind: OscalAssessmentKind;
  lang: ExchangeLanguage;
  output?: string;
}

/**
 * `iotcheck report oscal --org ID --assessment A --kind assessment-results|poam [--lang ja|en] [-o FILE]`:
 * the assessment as OSCAL 1.1.3 JSON, to FILE or standard output. A POA&M of an assessment
 * without open findings is refused (exit 65): OSCAL needs at least one item.
 */
export function registerReportOscalCommand(report: Command, context: CliContext): void {
  const m = context.messages;
  report
    .command('oscal')
    .description(m.reportOscal)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--assessment <id>', m.reportAssessmentOption)
    .addOption(
      new Option('--kind <kind>', m.reportOscalKindOption).choices(OSCAL_ASSESSMENT_KINDS).makeOptionMandatory(),
    )
    .addOption(new Option('--lang <lang>', m.reportLangOption).choices(['ja', 'en']).default('ja'))
    .option('-o, --output <file>', m.outputOption)
    .action(async (options: OscalOptions) => {
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const generated = await exportAssessmentOscal(deps, {
          actor,
          assessmentId: options.assessment,
          kind: options.kind,
          language: options.lang,
        }).catch((error: unknown) => {
          if (isDomainError(error) && error.details[0]?.reason === 'no open findings')
            throw new DomainError(error.code, m.reportNoOpenFindings, error.details);
          throw error;
        });
        await writeTextReport(context, generated, options.output);
      });
    });
}
