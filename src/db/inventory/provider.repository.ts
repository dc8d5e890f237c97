import type { Kysely } from 'kysely';
import type { Provider, ProviderKind } from '../../core/inventory/provider.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['provider'];

const toProvider = (row: Row): Provider => ({
  id: row.id,
  name: row.name,
  kind: row.kind as ProviderKind,
  contacts: JSON.parse(row.contacts) as Provider['contacts'],
  supportWindow: JSON.parse(row.support_window) as Provider['supportWindow'],
  disclosureContact: row.disclosure_contact,
  certifications: JSON.parse(row.certifications) as Provider['certifications'],
  contracts: JSON.parse(row.contracts) as Provider['contracts'],
  dataOwnership: row.data_ownership,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (provider: Provider) => ({
  name: provider.name,
  kind: provider.kind,
  contacts: JSON.stringify(provider.contacts),
  support_window: JSON.stringify(provider.supportWindow),
  disclosure_contact: provider.disclosureContact,
  certifications: JSON.stringify(provider.certifications),
  contracts: JSON.stringify(provider.contracts),
  data_ownership: provider.dataOwnership,
  version: provider.version,
  updated_at: provider.updatedAt,
});

/** Adds a provider to the organisation. */
export async function insertProvider(db: Db, organisationId: string, provider: Provider): Promise<void> {
  await db
    .insertInto('provider')
    .values({
      id: provider.id,
      organisation_id: organisationId,
      created_at: provider.createdAt,
      ...toColumns(provider),
    })
    .execute();
}

/** One provider of the organisation, or undefined. */
export async function findProvider(db: Db, organisationId: string, id: string): Promise<Provider | undefined> {
  const row = await db
    .selectFrom('provider')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toProvider(row) : undefined;
}

/**
 * The organisation's providers by name; with `systemId`, only those maintaining a device linked
 * to that system (device.maintainer_provider_id).
 */
export async function listProviders(db: Db, organisationId: string, systemId?: string): Promise<Provider[]> {
  let query = db.selectFrom('provider').selectAll().where('organisation_id', '=', organisationId);
  if (systemId !== undefined)
    query = query.where('id', 'in', (sub) =>
      sub
        .selectFrom('device_system')
        .innerJoin('device', (join) =>
          join
            .onRef('device.id', '=', 'device_system.device_id')
            .onRef('device.organisation_id', '=', 'device_system.organisation_id'),
        )
        .where('device_system.organisation_id', '=', organisationId)
        .where('device_system.system_id', '=', systemId)
        .where('device.maintainer_provider_id', 'is not', null)
        .select('device.maintainer_provider_id')
        .distinct()
        .$narrowType<{ maintainer_provider_id: string }>(),
    );
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map(toProvider);
}

/** Writes `provider` (already at its next version) only if the stored one is at `expectedVersion`. */
export async function updateProvider(
  db: Db,
  organisationId: string,
  provider: Provider,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('provider')
    .set(toColumns(provider))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', provider.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes a provider at `expectedVersion`; devices it maintained keep their free-text maintainer
 * but lose the link (there is no foreign key on device.maintainer_provider_id).
 */
export async function deleteProvider(
  db: Db,
  organisationId: string,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  await db
    .updateTable('device')
    .set({ maintainer_provider_id: null })
    .where('organisation_id', '=', organisationId)
    .where('maintainer_provider_id', '=', id)
    .execute();
  const result = await db
    .deleteFrom('provider')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
