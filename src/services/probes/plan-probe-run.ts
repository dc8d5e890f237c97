import type { Actor, UserActor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { ProbePlanView, ProbeRunCreateInput } from '../../contracts/probes';
import { formatIpAddress, parseIpAddress } from '../../core/probes/ip-address';
import type { ProbeCheck } from '../../core/probes/observation';
import { planTargets, type ProbePlan } from '../../core/probes/plan';
import { parseTarget, splitTargets } from '../../core/probes/scope';
import { windowStanding } from '../../core/probes/time-windows';
import type { Database } from '../../db/database';
import { findDevicesAtAddresses } from '../../db/probes/device-address.repository';
import type { ProbeScopeTable } from '../../db/probes/probe.table';
import { resolveHostnames } from '../../integrations/probes/resolve-hostnames';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';
import { scopeOfRow, timeWindowsOfRow } from './probe-scope-row';
import { requireScopeRow } from './save-probe-scope';

/** An inventory device recorded at an address. */
export interface AddressDevice {
  readonly id: string;
  readonly assetTag: string;
}

/** A plan ready to run, with what it was made from. */
export interface PreparedProbeRun {
  readonly actor: UserActor;
  readonly organisationId: string;
  readonly scopeRow: ProbeScopeTable;
  readonly plan: ProbePlan;
  readonly view: ProbePlanView;
  readonly devices: ReadonlyMap<string, AddressDevice>;
  readonly requestedDevices: number | null;
}

const normalise = (address: string): string => {
  const parsed = parseIpAddress(address);
  return parsed ? formatIpAddress(parsed) : address;
};

/**
 * The devices of the organisation recorded at `addresses` (the run's targets only, looked up in
 * SQL), by canonical address; the device with the lowest id wins an address two devices share.
 */
export async function devicesByAddress(
  database: Database,
  organisationId: string,
  addresses: readonly string[],
): Promise<Map<string, AddressDevice>> {
  const wanted = new Set(addresses.map(normalise));
  const rows = await findDevicesAtAddresses(database.db, organisationId, [...wanted]);
  const byAddress = new Map<string, AddressDevice>();
  for (const row of rows)
    for (const address of row.ipAddresses.split(' ').filter(Boolean)) {
      const key = normalise(address);
      if (wanted.has(key) && !byAddress.has(key)) byAddress.set(key, { id: row.id, assetTag: row.assetTag });
    }
  return byAddress;
}

/** The addresses of the selected devices; unknown asset tags or ids are refused by position. */
async function selectedDeviceAddresses(
  database: Database,
  organisationId: string,
  selection: NonNullable<ProbeRunCreateInput['devices']>,
): Promise<{ addresses: string[]; withoutAddress: string[]; count: number }> {
  let query = database.db
    .selectFrom('device as d')
    .select(['d.id', 'd.asset_tag', 'd.ip_addresses'])
    .where('d.organisation_id', '=', organisationId);
  const problems: ProblemDetail[] = [];
  const tags = selection.assetTags ?? [];
  const ids = selection.deviceIds ?? [];
  if (tags.length === 0 && ids.length === 0 && selection.systemId === undefined)
    problems.push({ field: 'devices', reason: 'name asset tags, device ids or a system', code: 'missing' });
  if (selection.systemId !== undefined) {
    const systemId = selection.systemId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('device_system as s')
          .select('s.device_id')
          .whereRef('s.device_id', '=', 'd.id')
          .where('s.system_id', '=', systemId)
          .where('s.organisation_id', '=', organisationId),
      ),
    );
  }
  if (tags.length > 0 || ids.length > 0)
    query = query.where((eb) =>
      eb.or([
        ...(tags.length > 0 ? [eb('d.asset_tag', 'in', tags)] : []),
        ...(ids.length > 0 ? [eb('d.id', 'in', ids)] : []),
      ]),
    );
  const rows = problems.length > 0 ? [] : await query.orderBy('d.id').execute();
  const foundTags = new Set(rows.map((row) => row.asset_tag));
  const foundIds = new Set(rows.map((row) => String(row.id)));
  tags.forEach((tag, index) => {
    if (!foundTags.has(tag))
      problems.push({
        field: 'devices',
        path: `devices.assetTags[${index}]`,
        value: tag,
        reason: 'no such device',
        code: 'invalid_value',
      });
  });
  ids.forEach((id, index) => {
    if (!foundIds.has(id))
      problems.push({
        field: 'devices',
        path: `devices.deviceIds[${index}]`,
        value: id,
        reason: 'no such device',
        code: 'invalid_value',
      });
  });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The selected devices are not valid.', problems);
  const withoutAddress = rows.filter((row) => row.ip_addresses.trim() === '').map((row) => row.asset_tag);
  const addresses = rows.flatMap((row) => row.ip_addresses.split(' ').filter(Boolean));
  return { addresses, withoutAddress, count: rows.length };
}

/**
 * Plans a run (probes.run) before anything is queued or sent: the scope must be live and inside
 * one of its time windows (CONFLICT naming the next window), devices resolve to their recorded
 * addresses, host names are resolved once, and every target must lie inside the scope (else
 * VALIDATION_FAILED from planTargets: nothing is sent). This is also the whole dry run.
 */
export async function prepareProbeRun(
  deps: ProbeDeps,
  input: { actor: Actor; request: ProbeRunCreateInput },
): Promise<PreparedProbeRun> {
  const { actor, organisationId } = requireProbeAccess(input.actor, 'probes.run');
  const request = input.request;
  const scopeRow = await requireScopeRow(deps.database.db, organisationId, request.scopeId);
  if (scopeRow.archived === 1)
    throw new DomainError('CONFLICT', 'The probe scope is archived.', [{ field: 'scopeId', reason: 'archived' }]);
  const standing = windowStanding(timeWindowsOfRow(scopeRow), scopeRow.time_zone, deps.clock());
  if (!standing.open) {
    const when = standing.next ? `; the next window opens ${standing.next.start} (until ${standing.next.end})` : '';
    throw new DomainError('CONFLICT', `Outside the probe scope's time windows${when}.`, [
      {
        field: 'timeWindows',
        reason: `outside the time windows (${scopeRow.time_zone})${when}`,
        code: 'outside_time_window',
        params: standing.next ? { nextStart: standing.next.start, nextEnd: standing.next.end } : {},
      },
    ]);
  }
  const scope = scopeOfRow(scopeRow);
  const subset: string[] = request.targets === undefined ? [] : splitTargets(request.targets);
  let withoutAddress: string[] = [];
  let requestedDevices: number | null = null;
  if (request.devices !== undefined) {
    const selected = await selectedDeviceAddresses(deps.database, organisationId, request.devices);
    subset.push(...selected.addresses);
    withoutAddress = selected.withoutAddress;
    requestedDevices = selected.count;
    if (selected.addresses.length === 0 && request.targets === undefined)
      throw new DomainError('VALIDATION_FAILED', 'None of the selected devices has an IP address recorded.', [
        { field: 'devices', reason: 'no IP address recorded', code: 'missing' },
      ]);
  }
  const names = subset.flatMap((text) => {
    const entry = parseTarget(text);
    return 'kind' in entry && entry.kind === 'hostname' ? [entry.name] : [];
  });
  const resolved = await resolveHostnames(scope, names, deps.resolver);
  const expected = scopeRow.expected_ports === null ? undefined : (JSON.parse(scopeRow.expected_ports) as number[]);
  const plan = planTargets(scope, {
    ...(request.targets !== undefined || request.devices !== undefined ? { subset } : {}),
    resolved,
    ...(request.ports ? { ports: request.ports } : {}),
    ...(request.checks ? { checks: request.checks as ProbeCheck[] } : {}),
    ...(expected ? { expectedPorts: expected } : {}),
  });
  const devices = await devicesByAddress(
    deps.database,
    organisationId,
    plan.targets.map((target) => target.address),
  );
  const view: ProbePlanView = {
    scopeId: scopeRow.id,
    targets: plan.targets.map((target) => {
      const device = devices.get(normalise(target.address));
      return {
        address: target.address,
        ...(target.hostname !== undefined ? { hostname: target.hostname } : {}),
        deviceId: device?.id ?? null,
        assetTag: device?.assetTag ?? null,
      };
    }),
    unresolved: plan.unresolved,
    devicesWithoutAddress: withoutAddress,
    ports: plan.ports,
    checks: plan.checks,
    allowCredentials: plan.allowCredentials,
    vantage: plan.vantage,
    connections: plan.connections,
    rate: scopeRow.rate,
    concurrency: scopeRow.concurrency,
  };
  return { actor, organisationId, scopeRow, plan, view, devices, requestedDevices };
}

export { normalise as normaliseAddress };
