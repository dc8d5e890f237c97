import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../database';
import { TARGET_KEY_SEPARATOR } from './triage.repository';

// The relation every vulnerability view reads: one row per device × advisory as stored by the last
// match run (devices neither retired nor disposed, advisories not withdrawn), with the triage that
// applies joined IN SQL, so the database filters, counts and pages by the effective status.
//
// Effective status: the device's own triage (target_key 'device:<id>') if recorded, else its
// model's ('model:' + trimmed manufacturer + U+001F + trimmed model), else 'in_triage'. A device
// triage is the more specific decision, so it wins over the model's — also when it is older.
// Both joins hit the unique index (organisation, source, tracking id, target key).
//
// Aliases: d = device→identity mapping, m = match, a = advisory, v = device, td = device triage,
// tm = model triage. If the match tables change shape, only `deviceMatches` changes.

type Db = Kysely<DatabaseSchema>;

/** The status that applies to a device × advisory row. */
export const EFFECTIVE_STATUS = sql<string>`coalesce(td.status, tm.status, 'in_triage')`;

/** Statuses that still ask for action (isOpenStatus in core). */
export const IS_OPEN = sql<SqlBool>`coalesce(td.status, tm.status, 'in_triage') in ('in_triage', 'exploitable')`;

/** Most severe first: critical 0 … none 4, no score 5. `alias` is the advisory's table alias. */
export const severityRank = (alias: string) =>
  sql<number>`case ${sql.ref(`${alias}.severity_level`)}
    when 'critical' then 0
    when 'high' then 1
    when 'medium' then 2
    when 'low' then 3
    when 'none' then 4 else 5 end`;

/** KEV-listed first: 0 for KEV, 1 otherwise. */
export const kevRank = (alias: string) =>
  sql<number>`case when ${sql.ref(`${alias}.kev_date_added`)} is null then 1 else 0 end`;

/** The model a device belongs to for triage and the per-model views: trimmed names. */
export const MODEL_MANUFACTURER = sql<string>`trim(v.manufacturer)`;
export const MODEL_NAME = sql<string>`trim(v.model)`;

/** The target key of a model triage for the row's device (see triageTargetKey). */
const modelTargetKey = sql`'model:' || trim(v.manufacturer) || ${TARGET_KEY_SEPARATOR} || trim(v.model)`;

/** A column of the triage that applies (device triage over model triage). */
export const applied = <T>(column: string) =>
  sql<T>`case when td.id is not null then ${sql.ref(`td.${column}`)} else ${sql.ref(`tm.${column}`)} end`;

/** Device × advisory rows of an organisation with both triage candidates joined (see the header). */
export function deviceMatches(db: Db, organisationId: string) {
  return db
    .selectFrom('vulnerability_device_identity as d')
    .innerJoin('vulnerability_match as m', (join) =>
      join.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.identity_key', '=', 'd.identity_key'),
    )
    .innerJoin('advisory as a', 'a.id', 'm.advisory_id')
    .innerJoin('device as v', 'v.id', 'd.device_id')
    .leftJoin('vulnerability_triage as td', (join) =>
      join.on(
        sql<SqlBool>`td.organisation_id = d.organisation_id
          and td.source = a.source
          and td.tracking_id = a.tracking_id
          and td.target_key = 'device:' || v.id`,
      ),
    )
    .leftJoin('vulnerability_triage as tm', (join) =>
      join.on(
        sql<SqlBool>`tm.organisation_id = d.organisation_id
          and tm.source = a.source
          and tm.tracking_id = a.tracking_id
          and tm.target_key = ${modelTargetKey}`,
      ),
    )
    .where('d.organisation_id', '=', organisationId)
    .where('v.organisation_id', '=', organisationId)
    .where('v.status', 'not in', ['retired', 'disposed'])
    .where(sql<boolean>`not a.withdrawn`);
}

/** Filters of the views that the base relation can apply. */
export interface MatchViewFilter {
  readonly severity?: string | undefined;
  readonly kev?: boolean | undefined;
  readonly status?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly model?: string | undefined;
  readonly deviceIds?: readonly number[] | undefined;
  readonly advisoryId?: string | undefined;
  readonly systemId?: string | undefined;
}

/**
 * The conditions of a filter on the base relation (aliases as in `deviceMatches`). `status` is
 * the effective status, except with `statusOnDevice: false` (the model view applies it after grouping).
 */
export function filterConditions(
  organisationId: string,
  filter: MatchViewFilter,
  options: { statusOnDevice: boolean } = { statusOnDevice: true },
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (filter.severity === 'unknown') out.push(sql`a.severity_level is null`);
  else if (filter.severity !== undefined) out.push(sql`a.severity_level = ${filter.severity}`);
  if (filter.kev !== undefined)
    out.push(filter.kev ? sql`a.kev_date_added is not null` : sql`a.kev_date_added is null`);
  if (filter.status !== undefined && options.statusOnDevice) out.push(sql`${EFFECTIVE_STATUS} = ${filter.status}`);
  if (filter.manufacturer !== undefined) out.push(sql`${MODEL_MANUFACTURER} = ${filter.manufacturer.trim()}`);
  if (filter.model !== undefined) out.push(sql`${MODEL_NAME} = ${filter.model.trim()}`);
  if (filter.deviceIds !== undefined)
    out.push(
      filter.deviceIds.length === 0
        ? sql`1 = 0`
        : sql`d.device_id in (${sql.join(filter.deviceIds.map((id) => sql`${id}`))})`,
    );
  if (filter.advisoryId !== undefined) out.push(sql`m.advisory_id = ${filter.advisoryId}`);
  if (filter.systemId !== undefined)
    out.push(
      sql`d.device_id in (select ds.device_id from device_system ds where ds.organisation_id = ${organisationId}
        and ds.system_id = ${filter.systemId})`,
    );
  return out;
}

/** All conditions joined by AND (true when none). */
export const allOf = (conditions: readonly Expression<SqlBool>[]): Expression<SqlBool> =>
  conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
