import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerInventoryImportCommand } from './import.command';

/** `iotcheck inventory …`: the device inventory's commands, one file each. */
export function registerInventoryCommands(program: Command, context: CliContext): void {
  const inventory = program.command('inventory').description(context.messages.inventoryCommand);
  registerInventoryImportCommand(inventory, context);
}
