import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerInventoryExportCommand } from './export.command';
import { registerInventoryListCommand } from './list.command';

/** `iotcheck inventory …`: the device inventory's commands, one file each (list, export). */
export function registerInventoryCommands(program: Command, context: CliContext): void {
  const inventory = program.command('inventory').description(context.messages.inventoryCommand);
  registerInventoryListCommand(inventory, context);
  registerInventoryExportCommand(inventory, context);
}
