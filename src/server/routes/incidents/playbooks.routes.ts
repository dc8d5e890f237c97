import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import { IncidentDetailSchema } from '../../../contracts/incidents/incident.schema';
import { IdParams } from '../../../contracts/incidents/incident-parts.schema';
import {
  DrillStartSchema,
  PlaybookDeleteQuerySchema,
  PlaybookInputSchema,
  PlaybookListQuerySchema,
  PlaybookListSchema,
  PlaybookReplaceSchema,
  PlaybookSchema,
  type PlaybookInputBody,
} from '../../../contracts/incidents/playbook.schema';
import { getIncident } from '../../../services/incidents/get-incident';
import {
  createPlaybook,
  deletePlaybook,
  getPlaybook,
  listPlaybooks,
  replacePlaybook,
} from '../../../services/incidents/manage-playbooks';
import type { PlaybookInput } from '../../../services/incidents/playbook-input';
import { startDrill } from '../../../services/incidents/start-drill';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['incidents'];

/** The playbook fields of a body, named one by one (a body is never spread into a use case). */
function playbookOf(body: PlaybookInputBody): PlaybookInput {
  return {
    systemId: body.systemId,
    title: body.title,
    steps: body.steps.map((step) => ({
      title: step.title,
      ownerStakeholderId: step.ownerStakeholderId ?? null,
      expectedMinutes: step.expectedMinutes ?? null,
    })),
    contactIds: body.contactIds,
    firstReportTemplate: body.firstReportTemplate,
    checklists: body.checklists,
  };
}

/** /api/playbooks — per-system playbooks (steps, contacts with deputies, templates, checklists) and drills. */
export const playbooksRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/playbooks',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'Playbooks (of one system with systemId)',
        querystring: PlaybookListQuerySchema,
        response: { 200: PlaybookListSchema },
      },
    },
    async (request) => ({
      playbooks: await listPlaybooks(deps, {
        actor: request.actor,
        ...(request.query.systemId ? { systemId: request.query.systemId } : {}),
      }),
    }),
  );

  app.post(
    '/playbooks',
    {
      config: { access: 'playbooks.manage' },
      schema: {
        tags,
        summary: 'Add a playbook to a system',
        body: PlaybookInputSchema,
        response: { 200: PlaybookSchema },
      },
    },
    async (request) =>
      createPlaybook(deps, { actor: request.actor, playbook: playbookOf(request.body), context: contextOf(request) }),
  );

  app.get(
    '/playbooks/:id',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags,
        summary: 'A playbook with its contacts and their deputies',
        params: IdParams,
        response: { 200: PlaybookSchema },
      },
    },
    async (request) => getPlaybook(deps, { actor: request.actor, playbookId: request.params.id }),
  );

  app.put(
    '/playbooks/:id',
    {
      config: { access: 'playbooks.manage' },
      schema: {
        tags,
        summary: 'Replace a playbook (409 with the current one when stale)',
        params: IdParams,
        body: PlaybookReplaceSchema,
        response: { 200: PlaybookSchema },
      },
    },
    async (request) =>
      replacePlaybook(deps, {
        actor: request.actor,
        playbookId: request.params.id,
        playbook: playbookOf(request.body),
        expectedVersion: request.body.expectedVersion,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/playbooks/:id',
    {
      config: { access: 'playbooks.manage' },
      schema: {
        tags,
        summary: 'Delete a playbook (drills keep their steps)',
        params: IdParams,
        querystring: PlaybookDeleteQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deletePlaybook(deps, {
        actor: request.actor,
        playbookId: request.params.id,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/playbooks/:id/drills',
    {
      config: { access: 'incidents.manage' },
      schema: {
        tags,
        summary: 'Start a drill of the playbook (a drill incident with its steps)',
        params: IdParams,
        body: DrillStartSchema,
        response: { 200: IncidentDetailSchema },
      },
    },
    async (request) => {
      const incident = await startDrill(deps, {
        actor: request.actor,
        playbookId: request.params.id,
        ...(request.body.title !== undefined ? { title: request.body.title } : {}),
        ...(request.body.detectedAt !== undefined ? { detectedAt: request.body.detectedAt } : {}),
        context: contextOf(request),
      });
      return getIncident(deps, { actor: request.actor, incidentId: incident.id });
    },
  );
};
