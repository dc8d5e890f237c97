import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import { IdParamsSchema, VersionQuerySchema } from '../../../contracts/inventory/record-parts.schema';
import {
  StakeholderInputSchema,
  StakeholderListQuerySchema,
  StakeholderListSchema,
  StakeholderSchema,
  StakeholderUpdateSchema,
} from '../../../contracts/inventory/stakeholder.schema';
import { createStakeholder } from '../../../services/inventory/create-stakeholder';
import { deleteStakeholder } from '../../../services/inventory/delete-stakeholder';
import { listStakeholders } from '../../../services/inventory/list-stakeholders';
import { updateStakeholder } from '../../../services/inventory/update-stakeholder';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];

/** /api/inventory/stakeholders — who holds which role (with deputies), for the organisation, a system or a device. */
export const stakeholdersRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/stakeholders',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'Stakeholders of this organisation (of one scope with scopeKind and scopeId)',
        querystring: StakeholderListQuerySchema,
        response: { 200: StakeholderListSchema },
      },
    },
    async (request) => {
      const { scopeKind, scopeId } = request.query;
      return {
        stakeholders: await listStakeholders(deps, {
          actor: request.actor,
          ...(scopeKind
            ? { scope: { kind: scopeKind, id: scopeKind === 'organisation' ? null : (scopeId ?? '') } }
            : {}),
        }),
      };
    },
  );

  app.post(
    '/inventory/stakeholders',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Add a stakeholder',
        body: StakeholderInputSchema,
        response: { 200: StakeholderSchema },
      },
    },
    async (request) =>
      createStakeholder(deps, { actor: request.actor, stakeholder: request.body, context: contextOf(request) }),
  );

  app.patch(
    '/inventory/stakeholders/:id',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Change a stakeholder (409 with the current one when your version is stale)',
        params: IdParamsSchema,
        body: StakeholderUpdateSchema,
        response: { 200: StakeholderSchema },
      },
    },
    async (request) =>
      updateStakeholder(deps, {
        actor: request.actor,
        stakeholderId: request.params.id,
        changes: request.body,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/inventory/stakeholders/:id',
    {
      config: { access: 'inventory.delete' },
      schema: {
        tags,
        summary: 'Delete a stakeholder',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteStakeholder(deps, {
        actor: request.actor,
        stakeholderId: request.params.id,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
