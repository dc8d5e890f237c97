import { Option, type Command } from 'commander';
import { INCIDENT_SEVERITIES, incidentReference, type IncidentSeverity } from '../../../core/incidents/incident.types';
import { createIncident } from '../../../services/incidents/create-incident';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from '../report/report-session';
import { collect } from './collect-option';

interface CreateOptions {
  org?: string;
  title: string;
  description?: string;
  severity: IncidentSeverity;
  detectedAt?: string;
  occurredAt?: string;
  system?: string[];
  device?: string[];
  json?: boolean;
}

/**
 * `iotcheck incident create --org ID --title T --severity S --system SYS [--device N …]`: opens an
 * incident through the same use case as the API; prints `id<TAB>INC-0001`.
 */
export function registerIncidentCreateCommand(incident: Command, context: CliContext): void {
  const m = context.messages;
  incident
    .command('create')
    .description(m.incidentCreate)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--title <text>', m.incidentTitleOption)
    .option('--description <text>', m.incidentDescriptionOption)
    .addOption(
      new Option('--severity <severity>', m.incidentSeverityOption).choices(INCIDENT_SEVERITIES).default('medium'),
    )
    .option('--detected-at <iso>', m.incidentDetectedAtOption)
    .option('--occurred-at <iso>', m.incidentOccurredAtOption)
    .option('--system <id>', m.incidentSystemOption, collect)
    .option('--device <id>', m.incidentDeviceOption, collect)
    .option('--json', m.jsonOption)
    .action(async (options: CreateOptions) => {
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const created = await createIncident(deps, {
          actor,
          incident: {
            title: options.title,
            severity: options.severity,
            detectedAt: options.detectedAt ?? deps.clock().toISOString(),
            systemIds: options.system ?? [],
            ...(options.description !== undefined ? { description: options.description } : {}),
            ...(options.occurredAt !== undefined ? { occurredAt: options.occurredAt } : {}),
            ...(options.device ? { deviceIds: options.device.map(Number) } : {}),
          },
        });
        if (options.json) return context.json(created);
        context.out(`${created.id}\t${incidentReference(created.number)}`);
      });
    });
}
