import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { ProbeObservationTable, ProbeRunTable, ProbeTargetResultTable } from './probe.table';

type Db = Kysely<DatabaseSchema>;

/** A run with where its job stands and the name of its scope. */
export type ProbeRunRow = ProbeRunTable & {
  scope_name: string;
  job_status: string;
  job_progress: number;
  job_error_code: string | null;
  job_error_message: string | null;
  job_started_at: string | null;
  job_finished_at: string | null;
};

function selectRuns(db: Db, organisationId: string) {
  return db
    .selectFrom('probe_run as r')
    .innerJoin('probe_scope as s', 's.id', 'r.scope_id')
    .innerJoin('job as j', 'j.id', 'r.job_id')
    .selectAll('r')
    .select([
      's.name as scope_name',
      'j.status as job_status',
      'j.progress as job_progress',
      'j.error_code as job_error_code',
      'j.error_message as job_error_message',
      'j.started_at as job_started_at',
      'j.finished_at as job_finished_at',
    ])
    .where('r.organisation_id', '=', organisationId);
}

export async function insertProbeRun(db: Db, row: ProbeRunTable): Promise<void> {
  await db.insertInto('probe_run').values(row).execute();
}

/** One run of the organisation, or undefined (another organisation's run too). */
export function findProbeRun(db: Db, organisationId: string, id: string): Promise<ProbeRunRow | undefined> {
  return selectRuns(db, organisationId).where('r.id', '=', id).executeTakeFirst();
}

/** The run a job executes, or undefined. */
export function findProbeRunOfJob(db: Db, organisationId: string, jobId: string): Promise<ProbeRunRow | undefined> {
  return selectRuns(db, organisationId).where('r.job_id', '=', jobId).executeTakeFirst();
}

/** A page of runs, newest first, optionally of one scope, and how many there are. */
export async function listProbeRuns(
  db: Db,
  organisationId: string,
  query: { scopeId?: string; limit: number; offset: number },
): Promise<{ rows: ProbeRunRow[]; total: number }> {
  let base = selectRuns(db, organisationId);
  if (query.scopeId !== undefined) base = base.where('r.scope_id', '=', query.scopeId);
  const rows = await base
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  let count = db
    .selectFrom('probe_run')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId);
  if (query.scopeId !== undefined) count = count.where('scope_id', '=', query.scopeId);
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  return { rows, total };
}

/** The newest run of each of these scopes, for the scope list. */
export async function latestRunsOfScopes(db: Db, organisationId: string): Promise<Map<string, ProbeRunRow>> {
  const rows = await selectRuns(db, organisationId).orderBy('r.created_at', 'desc').execute();
  const latest = new Map<string, ProbeRunRow>();
  for (const row of rows) if (!latest.has(row.scope_id)) latest.set(row.scope_id, row);
  return latest;
}

/** The latest complete (stored, not cancelled) run of a scope other than `exceptRunId`, or undefined. */
export function findPreviousProbeRun(
  db: Db,
  organisationId: string,
  scopeId: string,
  exceptRunId: string,
): Promise<ProbeRunTable | undefined> {
  return db
    .selectFrom('probe_run')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('scope_id', '=', scopeId)
    .where('stored', '=', 1)
    .where('cancelled', '=', 0)
    .where('id', '!=', exceptRunId)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What a finished (or cancelled) run stores, all at once. */
export interface StoredProbeResult {
  readonly run: Pick<
    ProbeRunTable,
    | 'cancelled'
    | 'target_count'
    | 'reachable_count'
    | 'open_port_count'
    | 'pass_count'
    | 'fail_count'
    | 'inconclusive_count'
    | 'previous_run_id'
    | 'started_at'
    | 'finished_at'
  >;
  readonly targets: readonly ProbeTargetResultTable[];
  readonly observations: readonly ProbeObservationTable[];
}

/**
 * Replaces whatever a run had stored (a retried job stores again) with `result`, inside the
 * caller's transaction: the targets, the observations, one row per observation and item.
 */
export async function storeProbeResult(
  transaction: Transaction<DatabaseSchema>,
  organisationId: string,
  runId: string,
  result: StoredProbeResult,
): Promise<void> {
  await transaction.deleteFrom('probe_observation_item').where('run_id', '=', runId).execute();
  await transaction.deleteFrom('probe_observation').where('run_id', '=', runId).execute();
  await transaction.deleteFrom('probe_target_result').where('run_id', '=', runId).execute();
  for (let i = 0; i < result.targets.length; i += 200)
    await transaction
      .insertInto('probe_target_result')
      .values(result.targets.slice(i, i + 200))
      .execute();
  for (let i = 0; i < result.observations.length; i += 200) {
    const chunk = result.observations.slice(i, i + 200);
    await transaction.insertInto('probe_observation').values(chunk).execute();
    const items = chunk.flatMap((observation) =>
      (JSON.parse(observation.items) as string[]).map((itemId) => ({
        observation_id: observation.id,
        item_id: itemId,
        organisation_id: organisationId,
        run_id: runId,
        device_id: observation.device_id,
        result: observation.result,
        observed_at: observation.observed_at,
      })),
    );
    if (items.length > 0) await transaction.insertInto('probe_observation_item').values(items).execute();
  }
  await transaction
    .updateTable('probe_run')
    .set({ ...result.run, stored: 1 })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', runId)
    .execute();
}

/** A target of a run with the asset tag of its device. */
export type ProbeTargetRow = ProbeTargetResultTable & { asset_tag: string | null };

/** A page of a run's targets in probe order, and how many there are. */
export async function listProbeTargets(
  db: Db,
  organisationId: string,
  runId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ProbeTargetRow[]; total: number }> {
  const rows = await db
    .selectFrom('probe_target_result as t')
    .leftJoin('device as d', 'd.id', 't.device_id')
    .selectAll('t')
    .select('d.asset_tag')
    .where('t.organisation_id', '=', organisationId)
    .where('t.run_id', '=', runId)
    .orderBy('t.seq')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('probe_target_result')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Every target of a run with its observations (for diffs and the CLI), in probe order. */
export async function loadProbeRunTargets(
  db: Db,
  organisationId: string,
  runId: string,
): Promise<{ targets: ProbeTargetResultTable[]; observations: ProbeObservationTable[] }> {
  const targets = await db
    .selectFrom('probe_target_result')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('run_id', '=', runId)
    .orderBy('seq')
    .execute();
  const observations = await db
    .selectFrom('probe_observation')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('run_id', '=', runId)
    .orderBy('seq')
    .execute();
  return { targets, observations };
}

/** An observation with the asset tag of its device. */
export type ProbeObservationRow = ProbeObservationTable & { asset_tag: string | null };

/** Filters of a run's observations. */
export interface ObservationFilter {
  readonly item?: string;
  readonly result?: string;
  readonly check?: string;
  readonly deviceId?: string;
  readonly address?: string;
}

/** A page of a run's observations in probe order, filtered, and how many match. */
export async function listProbeObservations(
  db: Db,
  organisationId: string,
  runId: string,
  filter: ObservationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ProbeObservationRow[]; total: number }> {
  const filtered = () => {
    let query = db
      .selectFrom('probe_observation as o')
      .leftJoin('device as d', 'd.id', 'o.device_id')
      .where('o.organisation_id', '=', organisationId)
      .where('o.run_id', '=', runId);
    if (filter.result !== undefined) query = query.where('o.result', '=', filter.result);
    if (filter.check !== undefined) query = query.where('o.check_name', '=', filter.check);
    if (filter.deviceId !== undefined) query = query.where('o.device_id', '=', filter.deviceId);
    if (filter.address !== undefined) query = query.where('o.address', '=', filter.address);
    if (filter.item !== undefined) {
      const item = filter.item;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('probe_observation_item as i')
            .select('i.observation_id')
            .whereRef('i.observation_id', '=', 'o.id')
            .where('i.item_id', '=', item),
        ),
      );
    }
    return query;
  };
  const rows = await filtered()
    .selectAll('o')
    .select('d.asset_tag')
    .orderBy('o.seq')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/**
 * The latest results of these devices per check: for each device and check, every observation of
 * the newest stored run that made that check on the device (so a port closed since is not kept).
 */
export async function latestDeviceObservations(
  db: Db,
  organisationId: string,
  deviceIds: readonly (string | number)[],
): Promise<(ProbeObservationRow & { run_finished_at: string | null })[]> {
  if (deviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('probe_observation as o')
    .innerJoin('probe_run as r', 'r.id', 'o.run_id')
    .leftJoin('device as d', 'd.id', 'o.device_id')
    .selectAll('o')
    .select(['d.asset_tag', 'r.finished_at as run_finished_at'])
    .where('o.organisation_id', '=', organisationId)
    .where('r.stored', '=', 1)
    .where(
      'o.device_id',
      'in',
      deviceIds.map((id) => String(id)),
    )
    .orderBy('r.finished_at', 'desc')
    .orderBy('r.id')
    .orderBy('o.seq')
    .execute();
  const runOf = new Map<string, string>();
  return rows.filter((row) => {
    const key = `${String(row.device_id)}|${row.check_name}`;
    const run = runOf.get(key);
    if (run === undefined) runOf.set(key, row.run_id);
    return run === undefined || run === row.run_id;
  });
}
