import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import { findOrganisation } from '../../db/organisation.repository';
import { incidentReportLayout } from '../../integrations/exports/pdf/incident-report-layout';
import { renderPdf } from '../../integrations/exports/pdf/render-pdf';
import { requireOrganisation } from '../accounts/require-user';
import {
  reportOfBytes,
  type GeneratedReport,
  type ReportLanguage,
  type ReportProgress,
} from '../reports/generated-report';
import { reportFileName } from '../reports/report-file-name';
import { getIncident } from './get-incident';
import type { IncidentDeps } from './incident-deps';

/**
 * The incident report (ja or en) as a PDF: facts, status times and figures, affected devices,
 * the whole timeline and the lessons learned. Readers of incidents in the actor's organisation
 * only. `onProgress` hears 0.3 (data read), 0.4 (laid out), 1 (rendered).
 */
export async function generateIncidentReport(
  deps: IncidentDeps,
  input: { actor: Actor; incidentId: string; language: ReportLanguage; onProgress?: ReportProgress },
): Promise<GeneratedReport> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'incidents.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not read this incident.');
  const [incident, organisation] = await Promise.all([
    getIncident(deps, { actor, incidentId: input.incidentId }),
    findOrganisation(deps.database.db, organisationId),
  ]);
  input.onProgress?.(0.3);
  const at = deps.clock();
  const itemLabel = (itemId: string) => {
    const node = deps.catalog.nodes.get(itemId);
    return node ? `${node.code} ${node.title[input.language]}` : itemId;
  };
  const definition = incidentReportLayout(
    {
      organisationName: organisation?.name ?? '',
      generatedAt: at.toISOString(),
      reference: incident.reference,
      title: incident.title,
      description: incident.description,
      severity: incident.severity,
      status: incident.status,
      drill: incident.drill,
      times: {
        occurredAt: incident.occurredAt,
        detectedAt: incident.detectedAt,
        reportedAt: incident.reportedAt,
        triagedAt: incident.triagedAt,
        containedAt: incident.containedAt,
        eradicatedAt: incident.eradicatedAt,
        recoveredAt: incident.recoveredAt,
        closedAt: incident.closedAt,
      },
      figures: incident.figures,
      devices: incident.devices,
      timeline: incident.timeline,
      lessons: incident.lessons.map((lesson) => ({
        itemLabel: itemLabel(lesson.itemId),
        lesson: lesson.lesson,
        recommendation: lesson.recommendation,
        owner: lesson.owner,
        due: lesson.due,
      })),
    },
    input.language,
  );
  input.onProgress?.(0.4);
  const bytes = await renderPdf(definition);
  input.onProgress?.(1);
  return reportOfBytes(
    reportFileName(`incident-${incident.reference.toLowerCase()}`, incident.id, at, 'pdf'),
    'application/pdf',
    bytes,
  );
}
