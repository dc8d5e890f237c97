import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerInventoryExportCommand } from './export.command';
import { registerInventoryImportCommand } from './import.command';
import { registerInventoryListCommand } from './list.command';

/** `iotcheck inventory …`: the device inventory's commands, one file each (import, list, export). */
export function registerInventoryCommands(program: Command, context: CliContext): void {
  const inventory = program.command('inventory').description(context.messages.inventoryCommand);
  registerInventoryImportCommand(inventory, context);
  registerInventoryListCommand(inventory, context);
  registerInventoryExportCommand(inventory, context);
}
