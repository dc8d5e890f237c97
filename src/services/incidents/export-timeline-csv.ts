import type { Actor } from '../../core/auth/actor';
import { incidentReference } from '../../core/incidents/incident.types';
import { neutraliseFormula } from '../../core/text/neutralise-formula';
import type { Database } from '../../db/database';
import { listTimeline } from '../../db/incidents/incident-timeline.repository';
import { formatExcelCsv } from '../../integrations/exports/csv-table';
import { requireOrganisation } from '../accounts/require-user';
import { reportFileName } from '../reports/report-file-name';
import { requireIncident } from './require-incident';

const HEADER = ['seq', 'at', 'actor', 'kind', 'body', 'corrects_seq', 'details'];

/**
 * An incident's whole timeline as CSV for Excel (UTF-8 with BOM, CRLF; formula-like cells
 * neutralised so a crafted note cannot run in a spreadsheet). Details are compact JSON.
 */
export async function exportTimelineCsv(
  deps: { readonly database: Database; readonly clock: () => Date },
  input: { actor: Actor; incidentId: string },
): Promise<{ fileName: string; content: string }> {
  const { organisationId } = requireOrganisation(input.actor);
  const incident = await requireIncident(deps.database.db, organisationId, input.incidentId);
  const timeline = await listTimeline(deps.database.db, organisationId, incident.id);
  const rows = timeline.map((entry) =>
    [
      String(entry.seq),
      entry.at,
      entry.actorLabel,
      entry.kind,
      entry.body,
      entry.correctsSeq === null ? '' : String(entry.correctsSeq),
      JSON.stringify(entry.details),
    ].map(neutraliseFormula),
  );
  return {
    fileName: reportFileName(
      `timeline-${incidentReference(incident.number).toLowerCase()}`,
      incident.id,
      deps.clock(),
      'csv',
    ),
    content: formatExcelCsv([HEADER, ...rows]),
  };
}
