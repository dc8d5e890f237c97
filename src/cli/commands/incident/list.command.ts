import { Option, type Command } from 'commander';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../core/incidents/incident.types';
import { getIncident } from '../../../services/incidents/get-incident';
import { listIncidents } from '../../../services/incidents/list-incidents';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from '../report/report-session';

interface ListOptions {
  org?: string;
  status?: IncidentStatus;
  severity?: IncidentSeverity;
  system?: string;
  json?: boolean;
}

/** `iotcheck incident list --org ID [--status S] [--severity S] [--system ID] [--json]`. */
export function registerIncidentListCommand(incident: Command, context: CliContext): void {
  const m = context.messages;
  incident
    .command('list')
    .description(m.incidentList)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .addOption(new Option('--status <status>', m.incidentStatusOption).choices(INCIDENT_STATUSES))
    .addOption(new Option('--severity <severity>', m.incidentSeverityOption).choices(INCIDENT_SEVERITIES))
    .option('--system <id>', m.incidentSystemOption)
    .option('--json', m.jsonOption)
    .action(async (options: ListOptions) => {
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const incidents = await listIncidents(deps, {
          actor,
          filter: {
            ...(options.status ? { status: options.status } : {}),
            ...(options.severity ? { severity: options.severity } : {}),
            ...(options.system ? { systemId: options.system } : {}),
          },
        });
        if (options.json) return context.json({ incidents });
        if (incidents.length === 0) return context.out(m.incidentNone);
        for (const row of incidents)
          context.out([row.reference, row.id, row.status, row.severity, row.detectedAt, row.title].join('\t'));
      });
    });
}

/** `iotcheck incident show --org ID --id I [--json]`: the incident, its devices, timeline and lessons. */
export function registerIncidentShowCommand(incident: Command, context: CliContext): void {
  const m = context.messages;
  incident
    .command('show')
    .description(m.incidentShow)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--id <id>', m.incidentIdOption)
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; id: string; json?: boolean }) => {
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const shown = await getIncident(deps, { actor, incidentId: options.id });
        if (options.json) return context.json(shown);
        context.out([shown.reference, shown.status, shown.severity, `v${shown.version}`, shown.title].join('\t'));
        if (shown.description) context.out(shown.description);
        context.out(`\n${m.incidentDevicesHeading}`);
        for (const device of shown.devices)
          context.out(
            [
              device.assetTag,
              device.name,
              device.manufacturer,
              device.model,
              device.firmwareVersion,
              device.serialNumber,
            ]
              .map((cell) => cell || '-')
              .join('\t'),
          );
        context.out(`\n${m.incidentTimelineHeading}`);
        for (const entry of shown.timeline)
          context.out([`#${entry.seq}`, entry.at, entry.kind, entry.actorLabel, entry.body].join('\t'));
        if (shown.lessons.length > 0) {
          context.out(`\n${m.incidentLessonsHeading}`);
          for (const lesson of shown.lessons)
            context.out([lesson.itemId, lesson.lesson, lesson.recommendation, lesson.owner || '-'].join('\t'));
        }
      });
    });
}
