import { basename } from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import { importSbom, type SbomTarget } from '../../../services/vulnerabilities/sbom/import-sbom';
import type { CliContext } from '../../cli-context';
import { inInventoryOrganisation } from '../inventory/inventory-session';

interface SbomImportOptions {
  org?: string;
  model?: string;
  manufacturer?: string;
  device?: string;
  json?: boolean;
}

/**
 * `iotcheck sbom import FILE --org ID (--model M [--manufacturer X] | --device TAG) [--json]`:
 * stores the SBOM for a model or one device, replacing the earlier one; exit 65 when invalid.
 */
export function registerSbomCommands(program: Command, context: CliContext): void {
  const m = context.messages;
  const sbom = program.command('sbom').description(m.sbomCommand);
  sbom
    .command('import')
    .description(m.sbomImport)
    .argument('<file>', m.sbomFileArgument)
    .option('--org <id-or-slug>', m.inventoryOrgOption)
    .option('--model <model>', m.sbomModelOption)
    .option('--manufacturer <manufacturer>', m.sbomManufacturerOption)
    .option('--device <asset-tag>', m.sbomDeviceOption)
    .option('--json', m.jsonOption)
    .action(async (file: string, options: SbomImportOptions) => {
      const target = targetOf(context, options);
      const result = await inInventoryOrganisation(context, options.org, (deps, actor) =>
        importSbom(deps, { actor, file, fileName: basename(file), target }),
      );
      if (options.json) return context.json(result);
      const named =
        result.deviceId === null
          ? `${result.manufacturer} ${result.model}`.trim()
          : (options.device ?? result.deviceId);
      context.out(m.sbomImported(result.fileName, result.componentCount, result.identifiedComponents, named));
      if (result.replaced) context.out(m.sbomReplaced);
      context.out(m.sbomMatchHint);
    });
}

function targetOf(context: CliContext, options: SbomImportOptions): SbomTarget {
  const byModel = options.model !== undefined || options.manufacturer !== undefined;
  const byDevice = options.device !== undefined;
  if (byModel === byDevice || (byModel && options.model === undefined))
    throw new DomainError('VALIDATION_FAILED', context.messages.sbomTargetRequired, [
      { field: byModel && byDevice ? '--device' : '--model', reason: context.messages.sbomTargetRequired },
    ]);
  if (byDevice) return { kind: 'device', assetTag: options.device! };
  return { kind: 'model', manufacturer: options.manufacturer ?? '', model: options.model! };
}
