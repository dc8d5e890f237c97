import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import type { ProbeRunCreateInput, ProbeRunCreatedView } from '../../contracts/probes';
import { insertJob } from '../../db/jobs/job.repository';
import { findProbeRun, insertProbeRun } from '../../db/probes/probe-run.repository';
import type { RequestContext } from '../auth/account-deps';
import { recordAudit } from '../audit/record-audit';
import { presentJob } from '../jobs/present-job';
import { prepareProbeRun } from './plan-probe-run';
import type { ProbeDeps } from './probe-deps';
import { presentRun } from './present-probe-run';

/** The job kind of a probe run (params: `{ runId }`). */
export const PROBE_RUN_JOB = 'probe-run';
const MAX_ATTEMPTS = 3;

/**
 * Starts a probe run (probes.run): plans it first (any refusal throws before anything is stored,
 * queued or sent), then stores the run with its pinned plan and queues its job in one transaction,
 * audited `probe_run.requested` (and `probe_run.intrusive` when default-credential checks are
 * asked for). `dryRun` returns the plan and stops there. With `claimedBy` the job is stored already
 * running, held by that worker for `leaseMs` (the command line runs it itself; no server takes it).
 */
export async function requestProbeRun(
  deps: ProbeDeps,
  input: {
    actor: Actor;
    request: ProbeRunCreateInput;
    context?: RequestContext;
    claimedBy?: { readonly workerId: string; readonly leaseMs: number };
  },
): Promise<ProbeRunCreatedView> {
  const prepared = await prepareProbeRun(deps, input);
  if (input.request.dryRun === true) return { plan: prepared.view, run: null, job: null };
  const { actor, organisationId, plan, scopeRow } = prepared;
  const now = deps.clock();
  const at = now.toISOString();
  const claimedBy = input.claimedBy && {
    workerId: input.claimedBy.workerId,
    leaseUntil: new Date(now.getTime() + input.claimedBy.leaseMs).toISOString(),
  };
  const runId = randomUUID();
  const intrusive = plan.checks.includes('default-credentials');
  const run = await deps.database.db.transaction().execute(async (transaction) => {
    const job = await insertJob(transaction, {
      id: randomUUID(),
      organisationId,
      kind: PROBE_RUN_JOB,
      params: { runId },
      subjectType: 'probes',
      subjectId: scopeRow.id,
      maxAttempts: MAX_ATTEMPTS,
      requestedBy: actor.userId,
      createdAt: at,
      ...(claimedBy ? { claimedBy } : {}),
    });
    await insertProbeRun(transaction, {
      id: runId,
      organisation_id: organisationId,
      scope_id: scopeRow.id,
      job_id: job.id,
      requested_targets: input.request.targets ?? null,
      requested_devices: prepared.requestedDevices,
      ports: JSON.stringify(plan.ports),
      checks: JSON.stringify(plan.checks),
      plan: JSON.stringify(plan),
      intrusive: intrusive ? 1 : 0,
      stored: 0,
      cancelled: 0,
      target_count: null,
      reachable_count: null,
      open_port_count: null,
      pass_count: null,
      fail_count: null,
      inconclusive_count: null,
      previous_run_id: null,
      requested_by: actor.userId || null,
      created_at: at,
      started_at: null,
      finished_at: null,
    });
    const facts = { organisationId, targetType: 'probe_run', targetId: runId };
    const summary = {
      scope: scopeRow.name,
      targets: plan.targets.length,
      ports: plan.ports,
      checks: plan.checks,
      connections: plan.connections,
      jobId: job.id,
    };
    await recordAudit(transaction, actor, input.context, deps.clock(), {
      ...facts,
      action: 'probe_run.requested',
      after: summary,
    });
    if (intrusive)
      await recordAudit(transaction, actor, input.context, deps.clock(), {
        ...facts,
        action: 'probe_run.intrusive',
        after: { scope: scopeRow.name, targets: plan.targets.map((target) => target.address).slice(0, 100) },
      });
    return { job, row: await findProbeRun(transaction, organisationId, runId) };
  });
  if (!claimedBy) deps.wakeJobWorker?.();
  return { plan: prepared.view, run: run.row ? presentRun(run.row, actor) : null, job: presentJob(run.job, actor) };
}
