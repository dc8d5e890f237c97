import type { JobHandlers } from '../jobs/job-handler';
import { generateIncidentReport } from './generate-incident-report';
import type { IncidentDeps } from './incident-deps';
import { INCIDENT_PDF_JOB } from './request-incident-report';

/** The job handlers of incident exports (the report PDF), bound to the server's dependencies. */
export function incidentJobHandlers(deps: IncidentDeps): JobHandlers {
  return {
    [INCIDENT_PDF_JOB]: {
      readAction: 'incidents.read',
      run: ({ actor, params, onProgress }) =>
        generateIncidentReport(deps, {
          actor,
          incidentId: String(params['incidentId']),
          language: params['language'] === 'en' ? 'en' : 'ja',
          onProgress,
        }),
    },
  };
}
