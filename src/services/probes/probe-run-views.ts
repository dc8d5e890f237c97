import type { ProbeReason } from '../../core/probes/probe-reason';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type {
  DeviceProbeResultsView,
  ProbeObservationPageView,
  ProbeObservationQuery,
  ProbeRunDiffView,
  ProbeRunPageView,
  ProbeRunView,
  ProbeTargetPageView,
} from '../../contracts/probes';
import { diffRuns } from '../../core/probes/diff-runs';
import type { Observation, ProbeCheck } from '../../core/probes/observation';
import type { TargetResult } from '../../core/probes/probe-result';
import {
  findProbeRun,
  latestDeviceObservations,
  listProbeObservations,
  listProbeRuns,
  listProbeTargets,
  loadProbeRunTargets,
} from '../../db/probes/probe-run.repository';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';
import { presentObservation, presentRun } from './present-probe-run';

type Deps = Pick<ProbeDeps, 'database'>;
const page = (limit?: number, offset?: number) => ({ limit: Math.min(limit ?? 50, 500), offset: offset ?? 0 });

async function requireRun(deps: Deps, organisationId: string, runId: string) {
  const run = await findProbeRun(deps.database.db, organisationId, runId);
  if (!run) throw new DomainError('NOT_FOUND', 'No such probe run.', [{ field: 'id', reason: 'unknown' }]);
  return run;
}

/** One run with its job's status and progress (probes.read); NOT_FOUND in another organisation. */
export async function getProbeRun(deps: Deps, input: { actor: Actor; runId: string }): Promise<ProbeRunView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  return presentRun(await requireRun(deps, organisationId, input.runId), input.actor);
}

/** A page of runs, newest first (probes.read), of one scope when asked. */
export async function listRuns(
  deps: Deps,
  input: { actor: Actor; scopeId?: string; limit?: number; offset?: number },
): Promise<ProbeRunPageView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  const paging = page(input.limit, input.offset);
  const { rows, total } = await listProbeRuns(deps.database.db, organisationId, {
    ...(input.scopeId !== undefined ? { scopeId: input.scopeId } : {}),
    ...paging,
  });
  return { runs: rows.map((row) => presentRun(row, input.actor)), total, ...paging };
}

/** A page of a run's targets in probe order (probes.read). */
export async function listRunTargets(
  deps: Deps,
  input: { actor: Actor; runId: string; limit?: number; offset?: number },
): Promise<ProbeTargetPageView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  await requireRun(deps, organisationId, input.runId);
  const paging = page(input.limit, input.offset);
  const { rows, total } = await listProbeTargets(deps.database.db, organisationId, input.runId, paging);
  return {
    targets: rows.map((row) => ({
      address: row.address,
      hostname: row.hostname,
      deviceId: row.device_id === null ? null : String(row.device_id),
      assetTag: row.asset_tag,
      openPorts: JSON.parse(row.open_ports) as number[],
      pass: row.pass_count,
      fail: row.fail_count,
      inconclusive: row.inconclusive_count,
    })),
    total,
    ...paging,
  };
}

/** A page of a run's observations (probes.read), filtered by item, result, check, device or address. */
export async function listRunObservations(
  deps: Deps,
  input: { actor: Actor; runId: string; query: ProbeObservationQuery },
): Promise<ProbeObservationPageView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  await requireRun(deps, organisationId, input.runId);
  const { limit, offset, ...filter } = input.query;
  const paging = page(limit, offset);
  const { rows, total } = await listProbeObservations(deps.database.db, organisationId, input.runId, filter, paging);
  return { observations: rows.map(presentObservation), total, ...paging };
}

/** A stored run back in the engine's shape, for diffRuns. */
async function targetsOfRun(deps: Deps, organisationId: string, runId: string): Promise<TargetResult[]> {
  const { targets, observations } = await loadProbeRunTargets(deps.database.db, organisationId, runId);
  const byAddress = new Map<string, Observation[]>();
  for (const row of observations) {
    const list = byAddress.get(row.address) ?? [];
    list.push({
      check: row.check_name as ProbeCheck,
      result: row.result as Observation['result'],
      ...(row.reason !== null ? { reason: row.reason } : {}),
      ...(row.reason_codes !== null ? { reasonCodes: JSON.parse(row.reason_codes) as ProbeReason[] } : {}),
      findings: JSON.parse(row.findings) as Observation['findings'],
      port: row.port,
      detail: row.detail,
      observedAt: row.observed_at,
      target: row.address,
      items: JSON.parse(row.items) as string[],
    });
    byAddress.set(row.address, list);
  }
  return targets.map((target) => ({
    address: target.address,
    openPorts: JSON.parse(target.open_ports) as number[],
    observations: byAddress.get(target.address) ?? [],
  }));
}

/** diffRuns(previous, this) of a run (probes.read); empty lists when it has no previous run. */
export async function diffProbeRun(deps: Deps, input: { actor: Actor; runId: string }): Promise<ProbeRunDiffView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  const run = await requireRun(deps, organisationId, input.runId);
  if (run.previous_run_id === null)
    return { runId: run.id, previousRunId: null, addedTargets: [], removedTargets: [], targets: [] };
  const [previous, current] = await Promise.all([
    targetsOfRun(deps, organisationId, run.previous_run_id),
    targetsOfRun(deps, organisationId, run.id),
  ]);
  return {
    runId: run.id,
    previousRunId: run.previous_run_id,
    ...diffRuns({ targets: previous }, { targets: current }),
  };
}

/** A device's latest results per check (probes.read); NOT_FOUND for a device of another organisation. */
export async function getDeviceProbeResults(
  deps: Deps,
  input: { actor: Actor; deviceId: string },
): Promise<DeviceProbeResultsView> {
  const { organisationId } = requireProbeAccess(input.actor, 'probes.read');
  const device = /^\d{1,18}$/.test(input.deviceId)
    ? await deps.database.db
        .selectFrom('device')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('id', '=', input.deviceId)
        .executeTakeFirst()
    : undefined;
  if (!device) throw new DomainError('NOT_FOUND', 'No such device.', [{ field: 'id', reason: 'unknown' }]);
  const rows = await latestDeviceObservations(deps.database.db, organisationId, [input.deviceId]);
  return { deviceId: String(device.id), observations: rows.map(presentObservation) };
}
