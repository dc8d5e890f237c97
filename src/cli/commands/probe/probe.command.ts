import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Option, type Command } from 'commander';
import { sayObservationReason } from '../../../contracts/probe-reason-wording';
import { PROBE_CHECKS } from '../../../core/probes/observation';
import { createProbeScope } from '../../../services/probes/save-probe-scope';
import { listScopes } from '../../../services/probes/list-probe-scopes';
import { printableResult } from '../../../services/probes/probe-run-job-handler';
import { requestProbeRun } from '../../../services/probes/request-probe-run';
import { runProbeHere } from '../../../services/probes/run-probe-here';
import type { CliContext } from '../../cli-context';
import { CliExit, EXIT_INTERRUPTED } from '../../exit-codes';
import { inProbeOrganisation, parseChecks, parsePorts, parseWholeNumber } from './probe-session';

interface ScopeCreateOptions {
  org?: string;
  name: string;
  targets: string;
  allowCredentials?: boolean;
  rate?: string;
  concurrency?: string;
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
 * line, run as the operator (audited as cli:<user>). `probe run --dry-run` prints the plan; a real
 * run is requested like the API's and executed in this process at once (runProbeHere), its job
 * claimed by this process so no server takes it.
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
    .option('--rate <n>', m.probeRateOption)
    .option('--concurrency <n>', m.probeConcurrencyOption)
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
            ...(options.rate !== undefined ? { rate: parseWholeNumber('--rate', options.rate) } : {}),
            ...(options.concurrency !== undefined
              ? { concurrency: parseWholeNumber('--concurrency', options.concurrency) }
              : {}),
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
      const ports = options.ports !== undefined ? parsePorts('--ports', options.ports) : undefined;
      const checks = options.checks !== undefined ? parseChecks('--checks', options.checks, PROBE_CHECKS) : undefined;
      const request = {
        scopeId: options.scope,
        ...(options.targets !== undefined ? { targets: options.targets } : {}),
        ...(ports ? { ports } : {}),
        ...(checks ? { checks } : {}),
      };
      if (options.dryRun) {
        await inProbeOrganisation(context, options.org, async (deps, actor) => {
          const created = await requestProbeRun(deps, { actor, request: { ...request, dryRun: true } });
          if (options.json) return context.json(created);
          const plan = created.plan;
          context.out(m.probePlanSummary(plan.targets.length, plan.ports.length, plan.connections));
          for (const target of plan.targets) context.out([target.address, target.assetTag ?? '-'].join('\t'));
          for (const name of plan.unresolved) context.out(`${name}\t${m.probeUnresolved}`);
        });
        return;
      }
      await runHere(context, options, request);
    });
}

/**
 * A real run, in this process: progress on stderr, the result on stdout. The first Ctrl-C cancels
 * the run cleanly (stored, marked cancelled, exit 130); a second one is Node's default (kill).
 */
async function runHere(
  context: CliContext,
  options: RunOptions,
  request: Parameters<typeof runProbeHere>[1]['request'],
): Promise<void> {
  const m = context.messages;
  const interrupt = new AbortController();
  const onInterrupt = () => {
    context.err(m.probeRunStopping);
    interrupt.abort();
  };
  process.once('SIGINT', onInterrupt);
  try {
    const outcome = await inProbeOrganisation(context, options.org, (deps, actor) => {
      let shown = 0;
      return runProbeHere(deps, {
        actor,
        request,
        workerId: `cli:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        leaseMs: context.config().jobLeaseMs,
        signal: interrupt.signal,
        onStarted: ({ runId, plan }) => context.err(m.probeRunStarted(runId, plan.targets.length, plan.connections)),
        onProgress: (fraction) => {
          const percent = Math.floor(fraction * 10) * 10;
          if (percent > shown) context.err(m.probeRunProgress((shown = percent)));
        },
      });
    });
    if (outcome.cancelled) {
      context.err(m.probeRunCancelled(outcome.runId));
      throw new CliExit(EXIT_INTERRUPTED);
    }
    const targets = outcome.result.targets;
    const openPorts = targets.reduce((sum, target) => sum + target.openPorts.length, 0);
    context.err(m.probeRunFinished(outcome.runId, targets.length, openPorts));
    if (options.json) return context.json(printableResult(outcome.result));
    for (const target of targets) {
      context.out(`${target.address}\t${m.probeOpenPorts(target.openPorts.join(','))}`);
      context.out(m.probeTableHeader);
      for (const o of target.observations)
        context.out(
          [
            target.address,
            o.port ?? '-',
            o.check,
            m.probeResults[o.result],
            o.items.map((item) => item.replace(/^jssec-v2:/, '')).join(',') || '-',
            sayObservationReason(o, context.language),
          ].join('\t'),
        );
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
