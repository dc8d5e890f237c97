import type { Actor } from '../../core/auth/actor';
import type { ProbeObservationView, ProbeRunView } from '../../contracts/probes';
import type { ProbeCheck } from '../../core/probes/observation';
import type { ProbeObservationRow, ProbeRunRow } from '../../db/probes/probe-run.repository';

/** A run as clients see it: its job's status and progress, counts once its results are stored. */
export function presentRun(row: ProbeRunRow, actor: Actor): ProbeRunView {
  const stored = row.stored === 1;
  return {
    id: row.id,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    jobId: row.job_id,
    status: row.job_status as ProbeRunView['status'],
    progress: row.job_status === 'succeeded' ? 1 : row.job_progress / 1000,
    cancelled: row.cancelled === 1 || row.job_status === 'cancelled',
    requested: {
      targets: row.requested_targets,
      devices: row.requested_devices,
      ports: JSON.parse(row.ports) as number[],
      checks: JSON.parse(row.checks) as ProbeCheck[],
    },
    intrusive: row.intrusive === 1,
    counts: stored
      ? {
          targets: row.target_count ?? 0,
          reachable: row.reachable_count ?? 0,
          openPorts: row.open_port_count ?? 0,
          pass: row.pass_count ?? 0,
          fail: row.fail_count ?? 0,
          inconclusive: row.inconclusive_count ?? 0,
        }
      : null,
    requestedBy: row.requested_by,
    requestedByMe: actor.kind === 'user' && actor.userId !== '' && actor.userId === row.requested_by,
    previousRunId: row.previous_run_id,
    error:
      row.job_error_code !== null && row.job_status === 'failed'
        ? { code: row.job_error_code, message: row.job_error_message ?? '' }
        : null,
    createdAt: row.created_at,
    startedAt: row.started_at ?? row.job_started_at,
    finishedAt: row.finished_at ?? row.job_finished_at,
  };
}

/** One stored observation as clients see it. */
export function presentObservation(row: ProbeObservationRow): ProbeObservationView {
  return {
    id: row.id,
    runId: row.run_id,
    address: row.address,
    deviceId: row.device_id === null ? null : String(row.device_id),
    assetTag: row.asset_tag,
    check: row.check_name as ProbeCheck,
    result: row.result as ProbeObservationView['result'],
    reason: row.reason,
    reasonCodes:
      row.reason_codes === null ? null : (JSON.parse(row.reason_codes) as ProbeObservationView['reasonCodes']),
    findings: JSON.parse(row.findings) as string[],
    port: row.port,
    detail: row.detail,
    items: JSON.parse(row.items) as string[],
    observedAt: row.observed_at,
  };
}
