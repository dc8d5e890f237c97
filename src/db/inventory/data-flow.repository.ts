import type { Kysely } from 'kysely';
import type { DataFlow, EncryptionState, FlowEnd } from '../../core/inventory/data-flow.types';
import type { DataClass } from '../../core/inventory/device.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['data_flow'];

// An end is stored as kind + ref (+ country): ref is the device id, the system id, or the
// external party's name; only external ends carry a country.
const toEnd = (kind: string, ref: string, country: string | null): FlowEnd =>
  kind === 'external'
    ? { kind: 'external', name: ref, country: country ?? '' }
    : { kind: kind as 'device' | 'system', id: ref };

const endColumns = (end: FlowEnd) =>
  end.kind === 'external'
    ? { kind: end.kind, ref: end.name, country: end.country }
    : { kind: end.kind, ref: end.id, country: null };

const toDataFlow = (row: Row): DataFlow => ({
  id: row.id,
  systemId: row.system_id,
  from: toEnd(row.from_kind, row.from_ref, row.from_country),
  to: toEnd(row.to_kind, row.to_ref, row.to_country),
  protocol: row.protocol,
  port: row.port === null ? null : Number(row.port),
  dataClasses: row.data_classes === '' ? [] : (row.data_classes.split(' ') as DataClass[]),
  encrypted: row.encrypted as EncryptionState,
  crossesInternet: Number(row.crosses_internet) === 1,
  crossesBorder: Number(row.crosses_border) === 1,
  description: row.description,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (flow: DataFlow) => {
  const from = endColumns(flow.from);
  const to = endColumns(flow.to);
  return {
    system_id: flow.systemId,
    from_kind: from.kind,
    from_ref: from.ref,
    from_country: from.country,
    to_kind: to.kind,
    to_ref: to.ref,
    to_country: to.country,
    protocol: flow.protocol,
    port: flow.port,
    data_classes: flow.dataClasses.join(' '),
    encrypted: flow.encrypted,
    crosses_internet: flow.crossesInternet ? 1 : 0,
    crosses_border: flow.crossesBorder ? 1 : 0,
    description: flow.description,
    version: flow.version,
    updated_at: flow.updatedAt,
  };
};

/** Adds a data flow to the organisation. */
export async function insertDataFlow(db: Db, organisationId: string, flow: DataFlow): Promise<void> {
  await db
    .insertInto('data_flow')
    .values({ id: flow.id, organisation_id: organisationId, created_at: flow.createdAt, ...toColumns(flow) })
    .execute();
}

/** One data flow of the organisation, or undefined. */
export async function findDataFlow(db: Db, organisationId: string, id: string): Promise<DataFlow | undefined> {
  const row = await db
    .selectFrom('data_flow')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDataFlow(row) : undefined;
}

/** The organisation's data flows (of one system when given), oldest first. */
export async function listDataFlows(db: Db, organisationId: string, systemId?: string): Promise<DataFlow[]> {
  let query = db.selectFrom('data_flow').selectAll().where('organisation_id', '=', organisationId);
  if (systemId !== undefined) query = query.where('system_id', '=', systemId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toDataFlow);
}

/** Writes `flow` (already at its next version) only if the stored one is at `expectedVersion`. */
export async function updateDataFlow(
  db: Db,
  organisationId: string,
  flow: DataFlow,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('data_flow')
    .set(toColumns(flow))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', flow.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a data flow at `expectedVersion`; false when it moved on or is gone. */
export async function deleteDataFlow(
  db: Db,
  organisationId: string,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('data_flow')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Display labels of devices (asset tag and name) and systems (name) of the organisation, by id. */
export async function findEndLabels(
  db: Db,
  organisationId: string,
  ids: { deviceIds: readonly string[]; systemIds: readonly string[] },
): Promise<{ devices: Map<string, string>; systems: Map<string, string> }> {
  const devices = new Map<string, string>();
  const systems = new Map<string, string>();
  const deviceIds = [...new Set(ids.deviceIds)].filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (deviceIds.length > 0) {
    const rows = await db
      .selectFrom('device')
      .select(['id', 'asset_tag', 'name'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', deviceIds)
      .execute();
    for (const row of rows) devices.set(String(row.id), `${row.asset_tag} ${row.name}`);
  }
  const systemIds = [...new Set(ids.systemIds)];
  if (systemIds.length > 0) {
    const rows = await db
      .selectFrom('iot_system')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', systemIds)
      .execute();
    for (const row of rows) systems.set(row.id, row.name);
  }
  return { devices, systems };
}
