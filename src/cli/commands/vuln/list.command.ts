import type { Command } from 'commander';
import type { MatchRowView } from '../../../contracts/vulnerabilities/match.schema';
import { listVulnerabilitiesOfAssetTag } from '../../../services/vulnerabilities/views/device-vulnerabilities-by-tag';
import { listMatches } from '../../../services/vulnerabilities/views/list-matches';
import type { CliContext } from '../../cli-context';
import { inInventoryOrganisation } from '../inventory/inventory-session';

interface ListOptions {
  org?: string;
  device?: string;
  json?: boolean;
}

/** One line of `vuln list --json`: a device × advisory match with its status and why. */
export interface VulnListEntry {
  readonly assetTag: string;
  readonly advisory: string;
  readonly cves: readonly string[];
  readonly severity: string | null;
  readonly status: string;
  readonly why: MatchRowView['why'];
}

/**
 * `iotcheck vuln list --org ID [--device TAG] [--json]`: the organisation's matches, one per
 * device and advisory (most severe first), as a JSON array or a tab-separated table.
 */
export function registerVulnListCommand(vuln: Command, context: CliContext): void {
  const m = context.messages;
  vuln
    .command('list')
    .description(m.vulnList)
    .option('--org <id-or-slug>', m.inventoryOrgOption)
    .option('--device <asset-tag>', m.vulnDeviceOption)
    .option('--json', m.jsonOption)
    .action(async (options: ListOptions) => {
      const rows = await inInventoryOrganisation(context, options.org, async (deps, actor) => {
        if (options.device !== undefined)
          return (await listVulnerabilitiesOfAssetTag(deps, { actor, assetTag: options.device })).items;
        const all: MatchRowView[] = [];
        let cursor: string | undefined;
        do {
          const page = await listMatches(deps, {
            actor,
            query: { view: 'device', limit: 500, ...(cursor ? { cursor } : {}) },
          });
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return all;
      });
      const entries: VulnListEntry[] = rows.map((row) => ({
        assetTag: row.assetTag ?? '',
        advisory: row.trackingId,
        cves: row.cves,
        severity: row.severity?.level ?? null,
        status: row.status,
        why: row.why,
      }));
      if (options.json) return context.json(entries);
      if (entries.length === 0) return context.out(m.vulnNoMatches);
      context.out(m.vulnListHeader.join('\t'));
      for (const entry of entries)
        context.out(
          [
            entry.assetTag,
            entry.advisory,
            entry.cves.join(' ') || '-',
            entry.severity ?? '-',
            entry.status,
            whyText(entry.why),
          ].join('\t'),
        );
    });
}

/** `cpe:2.3:…  >= 1.0, < 1.3  on cpe:2.3:o:…`: the why of a match on one line. */
function whyText(why: MatchRowView['why']): string {
  return [why.selector, why.range, ...(why.platform ? [`(${why.platform})`] : [])].join(' ');
}
