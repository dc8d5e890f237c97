import type { Command } from 'commander';
import type { CliContext } from '../../cli-context';
import { registerVulnImportCommand } from './import.command';
import { registerVulnListCommand } from './list.command';
import { registerVulnMatchCommand } from './match.command';
import { registerVulnTriageCommand } from './triage.command';

/** `iotcheck vuln …`: advisory feeds (import), matching (match), the matches (list) and their triage (triage), one file each. */
export function registerVulnCommands(program: Command, context: CliContext): void {
  const vuln = program.command('vuln').description(context.messages.vulnCommand);
  registerVulnImportCommand(vuln, context);
  registerVulnMatchCommand(vuln, context);
  registerVulnListCommand(vuln, context);
  registerVulnTriageCommand(vuln, context);
}
