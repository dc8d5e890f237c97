import { because, reasonParams, reasonText } from '../../core/probes/probe-reason';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { DomainError } from '../../core/domain-error';
import type { ProbePlan } from '../../core/probes/plan';
import type { ProbeResult } from '../../core/probes/probe-result';
import { defineRate } from '../../core/probes/rate';
import { inScope } from '../../core/probes/scope';
import { findPreviousProbeRun, findProbeRun, storeProbeResult } from '../../db/probes/probe-run.repository';
import type { ProbeObservationTable, ProbeTargetResultTable } from '../../db/probes/probe.table';
import { runProbe } from '../../integrations/probes/run-probe';
import { recordAudit } from '../audit/record-audit';
import type { JobHandler, JobHandlers } from '../jobs/job-handler';
import { reportOfBytes, type GeneratedReport } from '../reports/generated-report';
import { loadCredentials } from './probe-credential-lists';
import { devicesByAddress, normaliseAddress } from './plan-probe-run';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';
import { scopeOfRow } from './probe-scope-row';
import { PROBE_RUN_JOB } from './request-probe-run';
import { requireScopeRow } from './save-probe-scope';

/** The CLI's and the job file's shape of a result: `{ targets: [{ address, openPorts, observations }] }`. */
export function printableResult(result: Pick<ProbeResult, 'targets'>) {
  return {
    targets: result.targets.map((target) => ({
      address: target.address,
      openPorts: [...target.openPorts],
      observations: target.observations.map((o) => ({
        check: o.check,
        result: o.result,
        port: o.port,
        detail: o.detail,
        items: [...o.items],
      })),
    })),
  };
}

/**
 * Runs the pinned plan of a run as its requester (who must still have probes.run), after checking
 * again that every target lies inside the scope as it is now (a scope narrowed or archived since
 * refuses the run). Stores targets and observations in ONE transaction at the end, linked to the
 * inventory devices at their addresses, with the previous complete run of the scope; a cancelled
 * run stores what it had, marked cancelled. A crash stores nothing, and the queue runs it again.
 */
export async function executeProbeRun(
  deps: ProbeDeps,
  input: Parameters<JobHandler['run']>[0],
): Promise<ProbeResult & { runId: string }> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.run');
  const runId = String(input.params['runId']);
  const run = await findProbeRun(deps.database.db, organisationId, runId);
  if (!run) throw new DomainError('NOT_FOUND', 'No such probe run.', [{ field: 'runId', reason: 'unknown' }]);
  const scopeRow = await requireScopeRow(deps.database.db, organisationId, run.scope_id);
  if (scopeRow.archived === 1)
    throw new DomainError('CONFLICT', 'The probe scope was archived.', [{ field: 'scopeId', reason: 'archived' }]);
  const scope = scopeOfRow(scopeRow);
  const plan = JSON.parse(run.plan) as ProbePlan;
  const declared = new Set(scope.entries.flatMap((entry) => (entry.kind === 'hostname' ? [entry.name] : [])));
  const outside = plan.targets.filter(
    (target) => !inScope(scope, target.address) && !(target.hostname !== undefined && declared.has(target.hostname)),
  );
  const intrusive = plan.checks.includes('default-credentials');
  if (outside.length > 0 || (intrusive && !scope.allowCredentials))
    throw new DomainError('VALIDATION_FAILED', 'The scope changed since the run was asked for; nothing was sent.', [
      ...outside.map((target) => {
        const reason = because('target_outside_scope', { addresses: target.address });
        return {
          field: 'targets',
          value: target.address,
          reason: reasonText(reason),
          code: 'not_allowed_value' as const,
          params: reasonParams(reason),
        };
      }),
      ...(intrusive && !scope.allowCredentials
        ? [{ field: 'checks', reason: 'the scope no longer allows credential checks' }]
        : []),
    ]);
  const credentials = intrusive ? await loadCredentials(deps, organisationId) : [];
  if (intrusive)
    await deps.database.db.transaction().execute((transaction) =>
      recordAudit(transaction, actor, undefined, deps.clock(), {
        organisationId,
        action: 'probe_run.intrusive',
        targetType: 'probe_run',
        targetId: runId,
        after: { phase: 'started', scope: scopeRow.name, targets: plan.targets.length },
      }),
    );
  // Each connection in flight or waiting for the rate limiter listens for the cancel and stops
  // listening when it ends: far more than Node's leak warning threshold (10), and no leak.
  setMaxListeners(0, input.signal);
  const result = await runProbe(plan, {
    ...deps.probeOptions,
    signal: input.signal,
    rate: defineRate({ connectionsPerSecond: scopeRow.rate, maxConcurrency: scopeRow.concurrency }),
    credentials,
    onProgress: (progress) => {
      const share = progress.total === 0 ? 1 : progress.done / progress.total;
      input.onProgress(progress.phase === 'scan' ? share / 2 : 0.5 + share / 2);
    },
  });
  await storeRunResult(deps, organisationId, run.id, run.scope_id, result);
  return { ...result, runId: run.id };
}

async function storeRunResult(
  deps: ProbeDeps,
  organisationId: string,
  runId: string,
  scopeId: string,
  result: ProbeResult,
): Promise<void> {
  const devices = await devicesByAddress(
    deps.database,
    organisationId,
    result.targets.map((target) => target.address),
  );
  const targets: ProbeTargetResultTable[] = [];
  const observations: ProbeObservationTable[] = [];
  const totals = { pass: 0, fail: 0, inconclusive: 0 };
  result.targets.forEach((target, index) => {
    const deviceId = devices.get(normaliseAddress(target.address))?.id ?? null;
    const counts = { pass: 0, fail: 0, inconclusive: 0 };
    for (const observation of target.observations) {
      counts[observation.result] += 1;
      totals[observation.result] += 1;
      observations.push({
        id: randomUUID(),
        run_id: runId,
        organisation_id: organisationId,
        seq: observations.length,
        address: target.address,
        device_id: deviceId,
        check_name: observation.check,
        result: observation.result,
        reason: observation.reason ?? null,
        reason_codes: observation.reasonCodes ? JSON.stringify(observation.reasonCodes) : null,
        findings: JSON.stringify(observation.findings),
        port: observation.port,
        detail: observation.detail,
        items: JSON.stringify(observation.items),
        observed_at: observation.observedAt,
      });
    }
    targets.push({
      run_id: runId,
      address: target.address,
      organisation_id: organisationId,
      hostname: target.hostname ?? null,
      device_id: deviceId,
      open_ports: JSON.stringify(target.openPorts),
      pass_count: counts.pass,
      fail_count: counts.fail,
      inconclusive_count: counts.inconclusive,
      seq: index,
    });
  });
  await deps.database.db.transaction().execute(async (transaction) => {
    const previous = await findPreviousProbeRun(transaction, organisationId, scopeId, runId);
    await storeProbeResult(transaction, organisationId, runId, {
      run: {
        cancelled: result.cancelled ? 1 : 0,
        target_count: result.targets.length,
        reachable_count: result.targets.filter((target) => target.openPorts.length > 0).length,
        open_port_count: result.targets.reduce((sum, target) => sum + target.openPorts.length, 0),
        pass_count: totals.pass,
        fail_count: totals.fail,
        inconclusive_count: totals.inconclusive,
        previous_run_id: previous?.id ?? null,
        started_at: result.startedAt,
        finished_at: result.finishedAt,
      },
      targets,
      observations,
    });
  });
}

/** The job file of an executed run: its printable result as JSON. */
export function probeRunFile(result: ProbeResult & { runId: string }): GeneratedReport {
  return reportOfBytes(
    `probe-run-${result.runId}.json`,
    'application/json',
    `${JSON.stringify(printableResult(result), null, 2)}\n`,
  );
}

/** The queue handler of `probe-run`: executes the run and leaves the printable result as a JSON file. */
export function probeJobHandlers(deps: ProbeDeps): JobHandlers {
  return {
    [PROBE_RUN_JOB]: {
      readAction: 'probes.read',
      run: async (input) => probeRunFile(await executeProbeRun(deps, input)),
    },
  };
}
