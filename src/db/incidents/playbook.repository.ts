import type { Kysely, Selectable } from 'kysely';
import type { Playbook } from '../../core/incidents/playbook.types';
import type { DatabaseSchema } from '../database';
import type { PlaybookTable } from './incident.table';

type Db = Kysely<DatabaseSchema>;

const toPlaybook = (row: Selectable<PlaybookTable>): Playbook => ({
  id: row.id,
  systemId: row.system_id,
  title: row.title,
  steps: JSON.parse(row.steps) as Playbook['steps'],
  contactIds: JSON.parse(row.contact_ids) as string[],
  firstReportTemplate: JSON.parse(row.first_report_template) as Playbook['firstReportTemplate'],
  checklists: JSON.parse(row.checklists) as Playbook['checklists'],
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (playbook: Playbook) => ({
  system_id: playbook.systemId,
  title: playbook.title,
  steps: JSON.stringify(playbook.steps),
  contact_ids: JSON.stringify(playbook.contactIds),
  first_report_template: JSON.stringify(playbook.firstReportTemplate),
  checklists: JSON.stringify(playbook.checklists),
  version: playbook.version,
  updated_at: playbook.updatedAt,
});

export async function insertPlaybook(db: Db, organisationId: string, playbook: Playbook): Promise<void> {
  await db
    .insertInto('playbook')
    .values({
      id: playbook.id,
      organisation_id: organisationId,
      created_at: playbook.createdAt,
      ...toColumns(playbook),
    })
    .execute();
}

/** One playbook of the organisation; another organisation's id is simply not found. */
export async function findPlaybook(db: Db, organisationId: string, playbookId: string): Promise<Playbook | undefined> {
  const row = await db
    .selectFrom('playbook')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', playbookId)
    .executeTakeFirst();
  return row ? toPlaybook(row) : undefined;
}

/** The organisation's playbooks (of one system), by title. */
export async function listPlaybooks(db: Db, organisationId: string, systemId?: string): Promise<Playbook[]> {
  let query = db.selectFrom('playbook').selectAll().where('organisation_id', '=', organisationId);
  if (systemId !== undefined) query = query.where('system_id', '=', systemId);
  const rows = await query.orderBy('title').orderBy('id').execute();
  return rows.map(toPlaybook);
}

/** Replaces a playbook if its stored version is still `expectedVersion`; false when it is not. */
export async function updatePlaybookRow(
  db: Db,
  organisationId: string,
  playbook: Playbook,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('playbook')
    .set(toColumns(playbook))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', playbook.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a playbook at `expectedVersion`; false when it changed or is gone. Drills keep their copied steps. */
export async function deletePlaybookRow(
  db: Db,
  organisationId: string,
  playbookId: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('playbook')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', playbookId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
