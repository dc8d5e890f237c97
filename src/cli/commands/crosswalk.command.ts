import { Option, type Command } from 'commander';
import {
  CROSSWALK_EXPORT_FORMATS,
  type CrosswalkExportFormat,
} from '../../integrations/exports/crosswalk-export-format';
import { loadCatalogDeps } from '../../services/catalog/catalog-deps';
import { exportCrosswalk } from '../../services/catalog/export-crosswalk';
import type { CliContext } from '../cli-context';
import { writeOutputFile } from '../write-output-file';

/** `iotcheck crosswalk export --from jssec-v2 --to <framework> --format json|csv [-o file]` (also with --server). */
export function registerCrosswalkCommands(program: Command, context: CliContext): void {
  const { messages: m } = context;
  const command = program.command('crosswalk').description(m.crosswalkCommand);
  command
    .command('export')
    .description(m.crosswalkExport)
    .requiredOption('--from <id>', m.crosswalkFromOption)
    .requiredOption('--to <id>', m.crosswalkToOption)
    .addOption(new Option('--format <format>', m.formatOption).choices(CROSSWALK_EXPORT_FORMATS).default('json'))
    .option('-o, --output <file>', m.outputOption)
    .action(async (options: { from: string; to: string; format: CrosswalkExportFormat; output?: string }) => {
      const remote = context.remote();
      const content = remote
        ? await remote.getText(
            `/api/catalog/crosswalks/${encodeURIComponent(options.from)}/${encodeURIComponent(options.to)}?format=${options.format}`,
          )
        : exportCrosswalk(await loadCatalogDeps(context.config().catalogDir), options).content;
      if (options.output) await writeOutputFile(options.output, content);
      else context.write(content);
    });
}
