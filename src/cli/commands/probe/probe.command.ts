import { Option, type Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import { PROBE_CHECKS } from '../../../core/probes/observation';
import { createProbeScope } from '../../../services/probes/save-probe-scope';
import { listScopes } from '../../../services/probes/list-probe-scopes';
import { requestProbeRun } from '../../../services/probes/request-probe-run';
import type { CliContext } from '../../cli-context';
import { inProbeOrganisation, parseChecks, parsePorts } from './probe-session';

interface ScopeCreateOptions {
  org?: string;
  name: string;
  targets: string;
  allowCredentials?: boolean;
  vantage?: 'inside' | 'outside';
  expectedPorts?: string;
  json?: boolean;
}

interface RunOptions {
  org?: string;
  scope: string;
  targets?: string;
  ports?: string;
  checks?: string;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `iotcheck probe scope create|list` and `iotcheck probe run`: the probe use cases from the command
 * line, run as the operator. `probe run --dry-run` prints the plan. A real run is refused here: its
 * job runs as the member who asked for it, and the command-line operator is no member, so real runs
 * start from the web app or POST /api/probes/runs.
 */
export function registerProbeCommands(program: Command, context: CliContext): void {
  const m = context.messages;
  const probe = program.command('probe').description(m.probeCommand);
  const scope = probe.command('scope').description(m.probeScopeCommand);

  scope
    .command('create')
    .description(m.probeScopeCreate)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--name <name>', m.probeScopeNameOption)
    .requiredOption('--targets <targets>', m.probeTargetsOption)
    .option('--allow-credentials', m.probeAllowCredentialsOption)
    .addOption(new Option('--vantage <vantage>', m.probeVantageOption).choices(['inside', 'outside']))
    .option('--expected-ports <ports>', m.probeExpectedPortsOption)
    .option('--json', m.jsonOption)
    .action(async (options: ScopeCreateOptions) => {
      const expectedPorts =
        options.expectedPorts !== undefined ? parsePorts('--expected-ports', options.expectedPorts) : undefined;
      await inProbeOrganisation(context, options.org, async (deps, actor) => {
        const created = await createProbeScope(deps, {
          actor,
          scope: {
            name: options.name,
            targets: options.targets,
            ...(options.allowCredentials ? { allowCredentials: true } : {}),
            ...(options.vantage ? { vantage: options.vantage } : {}),
            ...(expectedPorts ? { expectedPorts } : {}),
          },
        });
        if (options.json) return context.json(created);
        context.out([created.id, created.name, m.probeAddresses(created.addressCount)].join('\t'));
      });
    });

  scope
    .command('list')
    .description(m.probeScopeList)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .option('--archived', m.probeArchivedOption)
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; archived?: boolean; json?: boolean }) => {
      await inProbeOrganisation(context, options.org, async (deps, actor) => {
        const listed = await listScopes(deps, { actor, ...(options.archived ? { archived: true } : {}) });
        if (options.json) return context.json(listed);
        if (listed.scopes.length === 0) return context.out(m.probeScopeNone);
        for (const row of listed.scopes)
          context.out(
            [row.id, row.name, row.targets.replace(/\s+/g, ' '), m.probeAddresses(row.addressCount)]
              .concat(row.archived ? [m.probeArchived] : [])
              .join('\t'),
          );
      });
    });

  probe
    .command('run')
    .description(m.probeRun)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--scope <id>', m.probeScopeIdOption)
    .option('--targets <targets>', m.probeRunTargetsOption)
    .option('--ports <ports>', m.probePortsOption)
    .option('--checks <checks>', m.probeChecksOption(PROBE_CHECKS.join(',')))
    .option('--dry-run', m.probeDryRunOption)
    .option('--json', m.jsonOption)
    .action(async (options: RunOptions) => {
      if (!options.dryRun)
        throw new DomainError('VALIDATION_FAILED', m.probeRunNeedsDryRun, [
          { field: '--dry-run', reason: 'required on the command line' },
        ]);
      const ports = options.ports !== undefined ? parsePorts('--ports', options.ports) : undefined;
      const checks = options.checks !== undefined ? parseChecks('--checks', options.checks, PROBE_CHECKS) : undefined;
      await inProbeOrganisation(context, options.org, async (deps, actor) => {
        const created = await requestProbeRun(deps, {
          actor,
          request: {
            scopeId: options.scope,
            ...(options.targets !== undefined ? { targets: options.targets } : {}),
            ...(ports ? { ports } : {}),
            ...(checks ? { checks } : {}),
            dryRun: true,
          },
        });
        if (options.json) return context.json(created);
        const plan = created.plan;
        context.out(m.probePlanSummary(plan.targets.length, plan.ports.length, plan.connections));
        for (const target of plan.targets) context.out([target.address, target.assetTag ?? '-'].join('\t'));
        for (const name of plan.unresolved) context.out(`${name}\t${m.probeUnresolved}`);
      });
    });
}
