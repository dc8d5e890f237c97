import type { Command } from 'commander';
import { matchAndRecordTrend } from '../../../services/vulnerabilities/run-match';
import { readConfirmationOverlay } from '../../../services/vulnerabilities/read-confirmation-overlay';
import type { CliContext } from '../../cli-context';
import { inInventoryOrganisation } from '../inventory/inventory-session';

interface MatchOptions {
  org?: string;
  force?: boolean;
  json?: boolean;
}

/** `iotcheck vuln match --org ID [--force] [--json]`: one match run of the organisation; prints its counts. */
export function registerVulnMatchCommand(vuln: Command, context: CliContext): void {
  const m = context.messages;
  vuln
    .command('match')
    .description(m.vulnMatch)
    .option('--org <id-or-slug>', m.inventoryOrgOption)
    .option('--force', m.vulnForceOption)
    .option('--json', m.jsonOption)
    .action(async (options: MatchOptions) => {
      const result = await inInventoryOrganisation(context, options.org, (deps, actor) =>
        matchAndRecordTrend(
          { ...deps, readRuleOverlay: readConfirmationOverlay },
          { actor, force: options.force === true },
        ),
      );
      if (options.json) return context.json(result);
      context.out(
        m.vulnMatched(result.matches, result.added, result.removed, result.identities, result.advisoriesRead),
      );
      if (result.unknownVersions > 0) context.err(m.vulnUnknownVersions(result.unknownVersions));
    });
}
