import type { Kysely } from 'kysely';
import type { DataFlow, DataFlowFields, FlowEnd } from '../../core/inventory/data-flow.types';
import type { DatabaseSchema } from '../../db/database';
import { findEndLabels } from '../../db/inventory/data-flow.repository';
import type { InventoryRef } from './check-inventory-refs';

/** A flow as shown: its ends labelled (device: asset tag and name; system: name; external: name). */
export type DataFlowView = DataFlow & { readonly fromLabel: string; readonly toLabel: string };

/** The editable fields of a stored flow (what history and audit compare). */
export function dataFlowFields(flow: DataFlow): DataFlowFields {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...fields } = flow;
  return fields;
}

/** The devices and systems a flow names, to check they exist. */
export function dataFlowRefs(flow: DataFlowFields): InventoryRef[] {
  const refs: InventoryRef[] = [];
  if (flow.systemId !== null) refs.push({ field: 'systemId', kind: 'system', id: flow.systemId });
  for (const [field, end] of [
    ['from', flow.from],
    ['to', flow.to],
  ] as const) {
    if (end.kind !== 'external') refs.push({ field: `${field}.id`, kind: end.kind, id: end.id });
  }
  return refs;
}

/** Labels the ends of `flows` with one query per kind. */
export async function presentDataFlows(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  flows: readonly DataFlow[],
): Promise<DataFlowView[]> {
  const ends = flows.flatMap((flow) => [flow.from, flow.to]);
  const idsOf = (kind: 'device' | 'system') => ends.flatMap((end) => (end.kind === kind ? [end.id] : []));
  const labels = await findEndLabels(db, organisationId, { deviceIds: idsOf('device'), systemIds: idsOf('system') });
  const label = (end: FlowEnd) =>
    end.kind === 'external'
      ? end.name
      : ((end.kind === 'device' ? labels.devices : labels.systems).get(end.id) ?? `#${end.id}`);
  return flows.map((flow) => ({ ...flow, fromLabel: label(flow.from), toLabel: label(flow.to) }));
}
