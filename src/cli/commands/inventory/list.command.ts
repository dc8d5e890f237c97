import { Option, type Command } from 'commander';
import { listDevices } from '../../../services/inventory/list-devices';
import type { Device } from '../../../core/inventory/device.types';
import type { CliContext } from '../../cli-context';
import { collectFilter, deviceFilterOfOptions, inInventoryOrganisation } from './inventory-session';

interface ListOptions {
  org?: string;
  json?: boolean;
  filter?: string[];
  limit: string;
}

/** `iotcheck inventory list --org ID [--json] [--filter key=value …] [--limit N]`: devices by asset tag. */
export function registerInventoryListCommand(inventory: Command, context: CliContext): void {
  const m = context.messages;
  inventory
    .command('list')
    .description(m.inventoryList)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .option('--json', m.jsonOption)
    .option('--filter <key=value>', m.inventoryFilterOption, collectFilter)
    .addOption(new Option('--limit <n>', m.inventoryLimitOption).default('100').argParser(positiveCount))
    .action(async (options: ListOptions) => {
      const filter = deviceFilterOfOptions(context, options.filter);
      const limit = Number(options.limit);
      await inInventoryOrganisation(context, options.org, async (deps, actor) => {
        const devices: Device[] = [];
        let after: string | undefined;
        let total = 0;
        do {
          const page = await listDevices(deps, {
            actor,
            filter,
            limit: Math.min(500, limit - devices.length),
            ...(after ? { after } : {}),
          });
          total = page.total ?? total;
          devices.push(...page.devices);
          after = page.next ?? undefined;
        } while (after && devices.length < limit);
        if (options.json) return context.json({ devices, total });
        if (devices.length === 0) return context.out(m.inventoryNoDevices);
        for (const device of devices)
          context.out(
            [
              device.assetTag,
              device.name,
              device.deviceClass,
              device.manufacturer,
              device.model,
              device.site,
              device.status,
            ]
              .map((cell) => cell || '-')
              .join('\t'),
          );
        if (devices.length < total) context.err(m.inventoryMore(devices.length, total));
      });
    });
}

function positiveCount(text: string): string {
  if (!/^[1-9]\d{0,6}$/.test(text)) throw new Error(`--limit ${text}: a whole number from 1`);
  return text;
}
