import { Option, type Command } from 'commander';
import { DomainError } from '../../../core/domain-error';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../core/incidents/incident.types';
import { changeIncidentStatus } from '../../../services/incidents/change-incident-status';
import { getIncident } from '../../../services/incidents/get-incident';
import { updateIncident } from '../../../services/incidents/update-incident';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from '../report/report-session';

/** The statuses `update --status` moves to: closing has its own command (with lessons). */
const FORWARD = INCIDENT_STATUSES.filter(
  (status): status is Exclude<IncidentStatus, 'detected' | 'closed'> => status !== 'detected' && status !== 'closed',
);

interface UpdateOptions {
  org?: string;
  id: string;
  title?: string;
  description?: string;
  severity?: IncidentSeverity;
  status?: Exclude<IncidentStatus, 'detected' | 'closed'>;
  note?: string;
  expectedVersion?: string;
}

/**
 * `iotcheck incident update --org ID --id I [--title T] [--description D] [--severity S]
 * [--status S [--note N]] [--expected-version V]`: the same use cases as PATCH and /status.
 * Without --expected-version the version read just before is used.
 */
export function registerIncidentUpdateCommand(incident: Command, context: CliContext): void {
  const m = context.messages;
  incident
    .command('update')
    .description(m.incidentUpdate)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--id <id>', m.incidentIdOption)
    .option('--title <text>', m.incidentTitleOption)
    .option('--description <text>', m.incidentDescriptionOption)
    .addOption(new Option('--severity <severity>', m.incidentSeverityOption).choices(INCIDENT_SEVERITIES))
    .addOption(new Option('--status <status>', m.incidentStatusOption).choices(FORWARD))
    .option('--note <text>', m.incidentNoteOption)
    .option('--expected-version <n>', m.incidentExpectedVersionOption)
    .action(async (options: UpdateOptions) => {
      const edits = {
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.severity !== undefined ? { severity: options.severity } : {}),
      };
      if (Object.keys(edits).length === 0 && !options.status)
        throw new DomainError('VALIDATION_FAILED', m.incidentNothingToChange, [
          { field: '--status', reason: 'missing' },
        ]);
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        let version =
          options.expectedVersion !== undefined
            ? Number(options.expectedVersion)
            : (await getIncident(deps, { actor, incidentId: options.id })).version;
        if (Object.keys(edits).length > 0)
          version = (
            await updateIncident(deps, {
              actor,
              incidentId: options.id,
              changes: { ...edits, expectedVersion: version },
            })
          ).version;
        const after = options.status
          ? await changeIncidentStatus(deps, {
              actor,
              incidentId: options.id,
              status: options.status,
              expectedVersion: version,
              ...(options.note !== undefined ? { note: options.note } : {}),
            })
          : await getIncident(deps, { actor, incidentId: options.id });
        context.out([after.id, after.status, after.severity, `v${after.version}`, after.title].join('\t'));
      });
    });
}
