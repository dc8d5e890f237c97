import type { Kysely } from 'kysely';
import type { PlaybookView } from '../../contracts/incidents/playbook.schema';
import type { Playbook } from '../../core/incidents/playbook.types';
import type { DatabaseSchema } from '../../db/database';
import { findStakeholder } from '../../db/inventory/stakeholder.repository';

/** A playbook with its contacts resolved from the stakeholder records, deputies included (item 50). */
export async function presentPlaybook(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  playbook: Playbook,
): Promise<PlaybookView> {
  const contacts: PlaybookView['contacts'] = [];
  for (const id of playbook.contactIds) {
    const stakeholder = await findStakeholder(db, organisationId, id);
    if (stakeholder)
      contacts.push({
        id: stakeholder.id,
        role: stakeholder.role,
        name: stakeholder.name,
        contact: stakeholder.contact,
        deputyName: stakeholder.deputyName,
        deputyContact: stakeholder.deputyContact,
      });
  }
  return {
    id: playbook.id,
    systemId: playbook.systemId,
    title: playbook.title,
    steps: playbook.steps.map((step) => ({ ...step })),
    contactIds: [...playbook.contactIds],
    contacts,
    firstReportTemplate: { ...playbook.firstReportTemplate },
    checklists: {
      regulator: playbook.checklists.regulator.map((item) => ({ ...item })),
      customer: playbook.checklists.customer.map((item) => ({ ...item })),
      ipa_jpcert: playbook.checklists.ipa_jpcert.map((item) => ({ ...item })),
    },
    version: playbook.version,
    createdAt: playbook.createdAt,
    updatedAt: playbook.updatedAt,
  };
}
