import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import {
  ProbeCredentialListCreateSchema,
  ProbeCredentialListListSchema,
  ProbeCredentialListSchema,
  ProbeIdParams,
  ProbeScopeArchiveSchema,
  ProbeScopeCreateSchema,
  ProbeScopeListQuerySchema,
  ProbeScopeListSchema,
  ProbeScopeSchema,
  ProbeScopeUpdateSchema,
} from '../../../contracts/probes';
import { getScope, listScopes } from '../../../services/probes/list-probe-scopes';
import {
  createCredentialList,
  deleteCredentialList,
  listCredentialLists,
} from '../../../services/probes/probe-credential-lists';
import { archiveProbeScope, createProbeScope, updateProbeScopeFields } from '../../../services/probes/save-probe-scope';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['probes'];
const scope = { 200: ProbeScopeSchema };

/**
 * /api/probes/scopes and /api/probes/credential-lists — what an admin allows probes to contact
 * (issue 14) and the default credentials they may try. Acts in the caller's current organisation.
 */
export const probeScopesRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/probes/scopes',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: 'Probe scopes (archived ones with ?archived=true)',
        querystring: ProbeScopeListQuerySchema,
        response: { 200: ProbeScopeListSchema },
      },
    },
    async (request) =>
      listScopes(deps, {
        actor: request.actor,
        ...(request.query.archived !== undefined ? { archived: request.query.archived } : {}),
      }),
  );

  app.post(
    '/probes/scopes',
    {
      config: { access: 'probes.manage' },
      schema: { tags, summary: 'Declare a probe scope', body: ProbeScopeCreateSchema, response: scope },
    },
    async (request) => {
      const body = request.body;
      return createProbeScope(deps, {
        actor: request.actor,
        scope: {
          name: body.name,
          targets: body.targets,
          ...(body.allowCredentials !== undefined ? { allowCredentials: body.allowCredentials } : {}),
          ...(body.rate !== undefined ? { rate: body.rate } : {}),
          ...(body.concurrency !== undefined ? { concurrency: body.concurrency } : {}),
          ...(body.vantage !== undefined ? { vantage: body.vantage } : {}),
          ...(body.expectedPorts !== undefined ? { expectedPorts: body.expectedPorts } : {}),
          ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
          ...(body.timeWindows !== undefined ? { timeWindows: body.timeWindows } : {}),
        },
        context: contextOf(request),
      });
    },
  );

  app.get(
    '/probes/scopes/:id',
    {
      config: { access: 'probes.read' },
      schema: { tags, summary: 'One probe scope', params: ProbeIdParams, response: scope },
    },
    async (request) => getScope(deps, { actor: request.actor, scopeId: request.params.id }),
  );

  app.patch(
    '/probes/scopes/:id',
    {
      config: { access: 'probes.manage' },
      schema: {
        tags,
        summary: 'Change a probe scope (the fields given)',
        params: ProbeIdParams,
        body: ProbeScopeUpdateSchema,
        response: scope,
      },
    },
    async (request) => {
      const body = request.body;
      return updateProbeScopeFields(deps, {
        actor: request.actor,
        scopeId: request.params.id,
        version: body.version,
        changes: {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.targets !== undefined ? { targets: body.targets } : {}),
          ...(body.allowCredentials !== undefined ? { allowCredentials: body.allowCredentials } : {}),
          ...(body.rate !== undefined ? { rate: body.rate } : {}),
          ...(body.concurrency !== undefined ? { concurrency: body.concurrency } : {}),
          ...(body.vantage !== undefined ? { vantage: body.vantage } : {}),
          ...(body.expectedPorts !== undefined ? { expectedPorts: body.expectedPorts } : {}),
          ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
          ...(body.timeWindows !== undefined ? { timeWindows: body.timeWindows } : {}),
        },
        context: contextOf(request),
      });
    },
  );

  app.post(
    '/probes/scopes/:id/archive',
    {
      config: { access: 'probes.manage' },
      schema: {
        tags,
        summary: 'Archive a probe scope (no new runs)',
        params: ProbeIdParams,
        body: ProbeScopeArchiveSchema,
        response: scope,
      },
    },
    async (request) =>
      archiveProbeScope(deps, {
        actor: request.actor,
        scopeId: request.params.id,
        version: request.body.version,
        context: contextOf(request),
      }),
  );

  app.get(
    '/probes/credential-lists',
    {
      config: { access: 'probes.manage' },
      schema: {
        tags,
        summary: 'Default-credential lists (user names only)',
        response: { 200: ProbeCredentialListListSchema },
      },
    },
    async (request) => listCredentialLists(deps, { actor: request.actor }),
  );

  app.post(
    '/probes/credential-lists',
    {
      config: { access: 'probes.manage' },
      schema: {
        tags,
        summary: 'Store a default-credential list (encrypted at rest)',
        body: ProbeCredentialListCreateSchema,
        response: { 200: ProbeCredentialListSchema },
      },
    },
    async (request) =>
      createCredentialList(deps, {
        actor: request.actor,
        list: {
          name: request.body.name,
          credentials: request.body.credentials.map((pair) => ({ username: pair.username, password: pair.password })),
        },
        context: contextOf(request),
      }),
  );

  app.delete(
    '/probes/credential-lists/:id',
    {
      config: { access: 'probes.manage' },
      schema: { tags, summary: 'Delete a credential list', params: ProbeIdParams, response: { 200: OkSchema } },
    },
    async (request) => {
      await deleteCredentialList(deps, {
        actor: request.actor,
        listId: request.params.id,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
