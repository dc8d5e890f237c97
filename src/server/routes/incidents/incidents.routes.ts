import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IncidentCloseSchema,
  IncidentCreateSchema,
  IncidentDetailSchema,
  IncidentDevicesAddSchema,
  IncidentEvidenceAddSchema,
  IncidentFigureListSchema,
  IncidentLinkCreateSchema,
  IncidentListQuerySchema,
  IncidentListSchema,
  IncidentReopenSchema,
  IncidentReportRequestSchema,
  IncidentStatusChangeSchema,
  IncidentStepOutcomeSchema,
  IncidentUpdateSchema,
  LessonListQuerySchema,
  LessonListSchema,
  StepParams,
  TimelineEntryCreateSchema,
} from '../../../contracts/incidents/incident.schema';
import { JobSchema } from '../../../contracts/report.schema';
import { IdParams, LanguageQuery } from '../../../contracts/incidents/incident-parts.schema';
import {
  NotificationRecordSchema,
  NotificationSetSchema,
  VendorNotificationListSchema,
} from '../../../contracts/incidents/notification.schema';
import { addIncidentDevices } from '../../../services/incidents/add-incident-devices';
import { addTimelineEntry } from '../../../services/incidents/add-timeline-entry';
import { changeIncidentStatus } from '../../../services/incidents/change-incident-status';
import { closeIncident } from '../../../services/incidents/close-incident';
import { createIncident } from '../../../services/incidents/create-incident';
import { exportTimelineCsv } from '../../../services/incidents/export-timeline-csv';
import { getIncident } from '../../../services/incidents/get-incident';
import { getIncidentFigures } from '../../../services/incidents/get-incident-figures';
import { getIncidentNotifications } from '../../../services/incidents/get-incident-notifications';
import { linkIncidentEvidence } from '../../../services/incidents/link-incident-evidence';
import { linkIncidentReference } from '../../../services/incidents/link-incident-reference';
import { listIncidents } from '../../../services/incidents/list-incidents';
import { listLessons } from '../../../services/incidents/list-lessons';
import { recordNotification } from '../../../services/incidents/record-notification';
import { recordStepOutcome } from '../../../services/incidents/record-step-outcome';
import { reopenIncident } from '../../../services/incidents/reopen-incident';
import { requestIncidentReport } from '../../../services/incidents/request-incident-report';
import { presentJob } from '../../../services/jobs/present-job';
import { updateIncident } from '../../../services/incidents/update-incident';
import { attachmentDisposition } from '../../content-disposition';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['incidents'];
const detail = { 200: IncidentDetailSchema };

/**
 * /api/incidents — real incidents and drills: life cycle (forward only; reopen is the one way
 * back), append-only timeline, devices, evidence, links, notifications, drill steps, closing with
 * lessons learned, figures, timeline CSV. Every change answers with the whole incident.
 */
export const incidentsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const show = (request: { actor: Parameters<typeof getIncident>[1]['actor'] }, incidentId: string) =>
    getIncident(deps, { actor: request.actor, incidentId });

  app.get(
    '/incidents',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'Incidents and drills, newest first',
        querystring: IncidentListQuerySchema,
        response: { 200: IncidentListSchema },
      },
    },
    async (request) => {
      const { status, severity, systemId, drill } = request.query;
      return {
        incidents: await listIncidents(deps, {
          actor: request.actor,
          filter: {
            ...(status ? { status } : {}),
            ...(severity ? { severity } : {}),
            ...(systemId ? { systemId } : {}),
            ...(drill ? { drill: drill === 'true' } : {}),
          },
        }),
      };
    },
  );

  app.post(
    '/incidents',
    {
      config: { access: 'incidents.manage' },
      schema: { tags, summary: 'Open an incident (status detected)', body: IncidentCreateSchema, response: detail },
    },
    async (request) => {
      const body = request.body;
      const incident = await createIncident(deps, {
        actor: request.actor,
        incident: {
          title: body.title,
          severity: body.severity,
          detectedAt: body.detectedAt,
          systemIds: body.systemIds,
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.occurredAt !== undefined ? { occurredAt: body.occurredAt } : {}),
          ...(body.deviceIds !== undefined ? { deviceIds: body.deviceIds } : {}),
        },
        context: contextOf(request),
      });
      return show(request, incident.id);
    },
  );

  app.get(
    '/incidents/figures',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'Time to detect, report, contain, recover: per incident and monthly medians',
        response: { 200: IncidentFigureListSchema },
      },
    },
    async (request) => getIncidentFigures(deps, { actor: request.actor }),
  );

  app.get(
    '/incident-lessons',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'Lessons learned (e.g. the pending ones of a system and item)',
        querystring: LessonListQuerySchema,
        response: { 200: LessonListSchema },
      },
    },
    async (request) => {
      const { systemId, itemId, pending } = request.query;
      return {
        lessons: await listLessons(deps, {
          actor: request.actor,
          filter: {
            ...(systemId ? { systemId } : {}),
            ...(itemId ? { itemId } : {}),
            ...(pending ? { pending: pending === 'true' } : {}),
          },
        }),
      };
    },
  );

  app.get(
    '/incidents/:id',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'An incident with devices, timeline, evidence, lessons, links, steps and figures',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => show(request, request.params.id),
  );

  app.patch(
    '/incidents/:id',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Change title, description or severity (409 with the current incident when stale)',
        params: IdParams,
        body: IncidentUpdateSchema,
        response: detail,
      },
    },
    async (request) => {
      const { title, description, severity, expectedVersion } = request.body;
      await updateIncident(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        changes: {
          expectedVersion,
          ...(title !== undefined ? { title } : {}),
          ...(description !== undefined ? { description } : {}),
          ...(severity !== undefined ? { severity } : {}),
        },
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/status',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Move the incident forward (steps may be skipped; 409 going back)',
        params: IdParams,
        body: IncidentStatusChangeSchema,
        response: detail,
      },
    },
    async (request) => {
      await changeIncidentStatus(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        status: request.body.status,
        expectedVersion: request.body.expectedVersion,
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/timeline',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Append a note, decision or correction (entries are never edited)',
        params: IdParams,
        body: TimelineEntryCreateSchema,
        response: detail,
      },
    },
    async (request) => {
      await addTimelineEntry(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        kind: request.body.kind,
        body: request.body.body,
        ...(request.body.correctsSeq !== undefined ? { correctsSeq: request.body.correctsSeq } : {}),
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/devices',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Add devices of the inventory',
        params: IdParams,
        body: IncidentDevicesAddSchema,
        response: detail,
      },
    },
    async (request) => {
      await addIncidentDevices(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        deviceIds: request.body.deviceIds,
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/evidence',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Link evidence uploaded through /api/evidence',
        params: IdParams,
        body: IncidentEvidenceAddSchema,
        response: detail,
      },
    },
    async (request) => {
      await linkIncidentEvidence(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        evidenceId: request.body.evidenceId,
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/links',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Link a vulnerability match or probe result by id',
        params: IdParams,
        body: IncidentLinkCreateSchema,
        response: detail,
      },
    },
    async (request) => {
      const { kind, id, label } = request.body;
      await linkIncidentReference(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        link: { kind, id, label },
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/close',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Close with lessons learned (they become findings of the next assessment)',
        params: IdParams,
        body: IncidentCloseSchema,
        response: detail,
      },
    },
    async (request) => {
      await closeIncident(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        lessons: request.body.lessons.map((lesson) => ({
          itemId: lesson.itemId,
          lesson: lesson.lesson,
          recommendation: lesson.recommendation,
          ...(lesson.owner !== undefined ? { owner: lesson.owner } : {}),
          ...(lesson.due !== undefined ? { due: lesson.due } : {}),
          ...(lesson.systemId !== undefined ? { systemId: lesson.systemId } : {}),
        })),
        expectedVersion: request.body.expectedVersion,
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/reopen',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Reopen a closed incident (a timeline entry of its own)',
        params: IdParams,
        body: IncidentReopenSchema,
        response: detail,
      },
    },
    async (request) => {
      await reopenIncident(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        expectedVersion: request.body.expectedVersion,
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.get(
    '/incidents/:id/notifications',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'Vendor notifications, first report and checklists, pre-filled',
        params: IdParams,
        querystring: LanguageQuery,
        response: { 200: NotificationSetSchema },
      },
    },
    async (request) =>
      getIncidentNotifications(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        language: request.query.lang ?? 'ja',
      }),
  );

  app.get(
    '/incidents/:id/notifications/vendor',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'One pre-filled notification per manufacturer of the affected devices',
        params: IdParams,
        querystring: LanguageQuery,
        response: { 200: VendorNotificationListSchema },
      },
    },
    async (request) => ({
      notifications: (
        await getIncidentNotifications(deps, {
          actor: request.actor,
          incidentId: request.params.id,
          language: request.query.lang ?? 'ja',
        })
      ).vendor,
    }),
  );

  app.post(
    '/incidents/:id/notifications',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Record that a notification was sent (timeline entry with its sha256)',
        params: IdParams,
        body: NotificationRecordSchema,
        response: detail,
      },
    },
    async (request) => {
      const { kind, manufacturer, recipient, subject, body } = request.body;
      await recordNotification(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        notification: {
          kind,
          subject,
          body,
          ...(manufacturer !== undefined ? { manufacturer } : {}),
          ...(recipient !== undefined ? { recipient } : {}),
        },
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/steps/:index',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Start, finish or fail a drill step',
        params: StepParams,
        body: IncidentStepOutcomeSchema,
        response: detail,
      },
    },
    async (request) => {
      await recordStepOutcome(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        index: request.params.index,
        outcome: request.body.outcome,
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
        context: contextOf(request),
      });
      return show(request, request.params.id);
    },
  );

  app.post(
    '/incidents/:id/reports',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'Ask for the incident report PDF (runs as a background job; see /api/jobs/:id)',
        params: IdParams,
        body: IncidentReportRequestSchema,
        response: { 202: JobSchema },
      },
    },
    async (request, reply) => {
      const job = await requestIncidentReport(deps, {
        actor: request.actor,
        incidentId: request.params.id,
        language: request.body.language ?? 'ja',
        context: contextOf(request),
      });
      return reply.code(202).send(presentJob(job, request.actor));
    },
  );

  app.get(
    '/incidents/:id/timeline.csv',
    {
      config: { access: 'incidents.read' },
      schema: { tags, summary: 'The timeline as CSV for Excel', params: IdParams, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const file = await exportTimelineCsv(deps, { actor: request.actor, incidentId: request.params.id });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
