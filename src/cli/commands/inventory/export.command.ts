import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import { exportDevices, type DeviceExportFormat } from '../../../services/inventory/export-devices';
import type { CliContext } from '../../cli-context';
import { collectFilter, deviceFilterOfOptions, inInventoryOrganisation } from './inventory-session';

interface ExportOptions {
  org?: string;
  format: DeviceExportFormat;
  output?: string;
  filter?: string[];
}

/**
 * `iotcheck inventory export --org ID --format csv|xlsx [-o FILE] [--filter key=value …]`:
 * streams the devices out page by page. A file is written beside its final name and renamed
 * into place when complete, so a reader never sees half an export; CSV without -o goes to stdout.
 */
export function registerInventoryExportCommand(inventory: Command, context: CliContext): void {
  const m = context.messages;
  inventory
    .command('export')
    .description(m.inventoryExport)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .addOption(new Option('--format <format>', m.inventoryFormatOption).choices(['csv', 'xlsx']).default('csv'))
    .option('-o, --output <file>', m.outputOption)
    .option('--filter <key=value>', m.inventoryFilterOption, collectFilter)
    .action(async (options: ExportOptions) => {
      const filter = deviceFilterOfOptions(context, options.filter);
      if (options.format === 'xlsx' && !options.output)
        throw new DomainError('VALIDATION_FAILED', m.inventoryXlsxNeedsFile, [
          { field: '-o', reason: 'required for xlsx' },
        ]);
      await inInventoryOrganisation(context, options.org, async (deps, actor) => {
        if (!options.output) {
          const out = new Writable({
            write(chunk: Buffer | string, _encoding, done) {
              context.write(chunk.toString());
              done();
            },
          });
          await exportDevices(deps, { actor, filter, format: 'csv', out });
          out.end();
          return;
        }
        const target = options.output;
        const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
        const out = createWriteStream(temporary, { flags: 'wx' });
        try {
          const count = await exportDevices(deps, { actor, filter, format: options.format, out });
          if (options.format === 'csv') out.end();
          await finished(out);
          await rename(temporary, target);
          context.err(m.inventoryExported(count, target));
        } catch (error) {
          out.destroy();
          await rm(temporary, { force: true });
          throw error;
        }
      });
    });
}
