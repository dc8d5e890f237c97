import { Option, type Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import {
  NOT_AFFECTED_JUSTIFICATIONS,
  TRIAGE_STATUSES,
  type NotAffectedJustification,
  type TriageStatus,
} from '../../../core/vulnerabilities/match.types';
import {
  setTriageByReference,
  type TriageByReference,
} from '../../../services/vulnerabilities/triage/set-triage-by-reference';
import type { CliContext } from '../../cli-context';
import { inInventoryOrganisation } from '../inventory/inventory-session';

interface TriageOptions {
  org?: string;
  device?: string;
  model?: string;
  manufacturer?: string;
  advisory: string;
  status: TriageStatus;
  justification?: NotAffectedJustification;
  owner?: string;
  due?: string;
  note?: string;
  json?: boolean;
}

/**
 * `iotcheck vuln triage --org ID (--device TAG | --model M [--manufacturer X]) --advisory ID
 * --status S [--justification J] [--owner U] [--due DATE] [--note T] [--json]`: the same use case
 * as PUT triage. An unknown status or justification is a usage error (exit 64).
 */
export function registerVulnTriageCommand(vuln: Command, context: CliContext): void {
  const m = context.messages;
  vuln
    .command('triage')
    .description(m.vulnTriage)
    .option('--org <id-or-slug>', m.inventoryOrgOption)
    .option('--device <asset-tag>', m.vulnTriageDeviceOption)
    .option('--model <model>', m.vulnTriageModelOption)
    .option('--manufacturer <manufacturer>', m.sbomManufacturerOption)
    .requiredOption('--advisory <id>', m.vulnTriageAdvisoryOption)
    .addOption(new Option('--status <status>', m.vulnTriageStatusOption).choices(TRIAGE_STATUSES).makeOptionMandatory())
    .addOption(
      new Option('--justification <justification>', m.vulnTriageJustificationOption).choices(
        NOT_AFFECTED_JUSTIFICATIONS,
      ),
    )
    .option('--owner <owner>', m.vulnTriageOwnerOption)
    .option('--due <YYYY-MM-DD>', m.vulnTriageDueOption)
    .option('--note <text>', m.vulnTriageNoteOption)
    .option('--json', m.jsonOption)
    .action(async (options: TriageOptions) => {
      const change: TriageByReference = {
        advisory: options.advisory,
        target: targetOf(context, options),
        status: options.status,
        ...(options.justification === undefined ? {} : { justification: options.justification }),
        ...(options.owner === undefined ? {} : { owner: options.owner }),
        ...(options.due === undefined ? {} : { due: options.due }),
        ...(options.note === undefined ? {} : { detail: options.note }),
      };
      const triage = await inInventoryOrganisation(context, options.org, (deps, actor) =>
        setTriageByReference(deps, { actor, change }),
      );
      if (options.json) return context.json(triage);
      const target =
        triage.target.kind === 'device'
          ? (options.device ?? triage.target.deviceId)
          : `${triage.target.manufacturer} ${triage.target.model}`.trim();
      context.out(m.vulnTriaged(target, options.advisory, triage.status, triage.version));
    });
}

function targetOf(context: CliContext, options: TriageOptions): TriageByReference['target'] {
  const byModel = options.model !== undefined || options.manufacturer !== undefined;
  const byDevice = options.device !== undefined;
  if (byModel === byDevice || (byModel && options.model === undefined))
    throw new DomainError('VALIDATION_FAILED', context.messages.vulnTriageTargetRequired, [
      { field: byModel && byDevice ? '--device' : '--model', reason: context.messages.vulnTriageTargetRequired },
    ]);
  if (byDevice) return { kind: 'device', assetTag: options.device! };
  return { kind: 'model', manufacturer: options.manufacturer ?? '', model: options.model! };
}
