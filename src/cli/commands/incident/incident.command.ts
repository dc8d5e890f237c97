import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerIncidentCloseCommand } from './close.command';
import { registerIncidentCreateCommand } from './create.command';
import { registerIncidentExportCommand } from './export.command';
import { registerIncidentListCommand, registerIncidentShowCommand } from './list.command';
import { registerIncidentUpdateCommand } from './update.command';

/** `iotcheck incident …`: the incident use cases from the command line, run as the operator. */
export function registerIncidentCommands(program: Command, context: CliContext): void {
  const incident = program.command('incident').description(context.messages.incidentCommand);
  registerIncidentCreateCommand(incident, context);
  registerIncidentListCommand(incident, context);
  registerIncidentShowCommand(incident, context);
  registerIncidentUpdateCommand(incident, context);
  registerIncidentCloseCommand(incident, context);
  registerIncidentExportCommand(incident, context);
}
