import type { NotificationSetView } from '../../contracts/incidents/notification.schema';
import type { Actor } from '../../core/auth/actor';
import { renderFirstReport } from '../../core/incidents/first-report';
import { CHECKLIST_KINDS, incidentReference } from '../../core/incidents/incident.types';
import type { NotificationFacts, NotificationLanguage } from '../../core/incidents/notification-facts';
import { manufacturerKey, renderVendorNotifications } from '../../core/incidents/vendor-notification';
import { listIncidentDevices } from '../../db/incidents/incident-parts.repository';
import { listTimeline } from '../../db/incidents/incident-timeline.repository';
import { listPlaybooks } from '../../db/incidents/playbook.repository';
import { listProviders } from '../../db/inventory/provider.repository';
import { findSystem } from '../../db/system.repository';
import type { Database } from '../../db/database';
import { requireOrganisation } from '../accounts/require-user';
import { requireIncident } from './require-incident';

/**
 * Everything to send about an incident, in `language`: one vendor notification per manufacturer of
 * its devices (item 51; the vendor's address from a provider of kind vendor with the same name:
 * its disclosure contact, else its first contact's e-mail), the first report (item 49) from the
 * playbook of its first system (our default wording without one), and that playbook's
 * regulator / customer / IPA-JPCERT checklists (items 52, 60) with when each kind was last sent.
 */
export async function getIncidentNotifications(
  deps: { readonly database: Database },
  input: { actor: Actor; incidentId: string; language: NotificationLanguage },
): Promise<NotificationSetView> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const incident = await requireIncident(db, organisationId, input.incidentId);
  const devices = await listIncidentDevices(db, organisationId, incident.id);
  const systemNames: string[] = [];
  for (const systemId of incident.systemIds) {
    const system = await findSystem(db, organisationId, systemId);
    if (system) systemNames.push(system.name);
  }
  const facts: NotificationFacts = {
    reference: incidentReference(incident.number),
    title: incident.title,
    description: incident.description,
    severity: incident.severity,
    status: incident.status,
    detectedAt: incident.detectedAt,
    occurredAt: incident.occurredAt,
    systemNames,
    devices,
  };
  const vendors = new Map<string, string | null>();
  for (const provider of await listProviders(db, organisationId))
    if (provider.kind === 'vendor' && !vendors.has(manufacturerKey(provider.name)))
      vendors.set(
        manufacturerKey(provider.name),
        provider.disclosureContact.trim() || provider.contacts.find((contact) => contact.email.trim())?.email || null,
      );
  const playbook =
    incident.playbookId !== null
      ? (await listPlaybooks(db, organisationId)).find((candidate) => candidate.id === incident.playbookId)
      : incident.systemIds[0] !== undefined
        ? (await listPlaybooks(db, organisationId, incident.systemIds[0]))[0]
        : undefined;
  const timeline = await listTimeline(db, organisationId, incident.id);
  const lastSent = (kind: string) =>
    timeline.filter((entry) => entry.kind === 'notification' && entry.details['notificationKind'] === kind).at(-1)
      ?.at ?? null;
  return {
    vendor: renderVendorNotifications(facts, input.language, (name) => vendors.get(manufacturerKey(name)) ?? null).map(
      (notification) => ({ ...notification, deviceIds: [...notification.deviceIds] }),
    ),
    firstReport: renderFirstReport(facts, input.language, playbook?.firstReportTemplate),
    checklists: CHECKLIST_KINDS.map((kind) => ({
      kind,
      items: (playbook?.checklists[kind] ?? [])
        .map((item) => item[input.language])
        .filter((text) => text.trim() !== ''),
      sentAt: lastSent(kind),
    })),
    playbookId: playbook?.id ?? null,
  };
}
