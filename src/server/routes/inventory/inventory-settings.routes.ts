import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import {
  ColumnMappingInputSchema,
  ColumnMappingSchema,
  CustomFieldInputSchema,
  CustomFieldListSchema,
  CustomFieldParamsSchema,
  CustomFieldSchema,
  CustomFieldUpdateSchema,
} from '../../../contracts/inventory/inventory-settings.schema';
import { VersionQuerySchema } from '../../../contracts/inventory/record-parts.schema';
import { createCustomField } from '../../../services/inventory/create-custom-field';
import { deleteCustomField } from '../../../services/inventory/delete-custom-field';
import { getColumnMapping } from '../../../services/inventory/get-column-mapping';
import { listCustomFields } from '../../../services/inventory/list-custom-fields';
import { saveColumnMapping } from '../../../services/inventory/save-column-mapping';
import { updateCustomField } from '../../../services/inventory/update-custom-field';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];

/**
 * /api/inventory/custom-fields and /api/inventory/column-mapping — per-organisation settings the
 * device forms and the importer read; members read them, owners and admins change them.
 */
export const inventorySettingsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/custom-fields',
    {
      config: { access: 'inventory.read' },
      schema: { tags, summary: 'Custom device fields of this organisation', response: { 200: CustomFieldListSchema } },
    },
    async (request) => ({ fields: await listCustomFields(deps, { actor: request.actor }) }),
  );

  app.post(
    '/inventory/custom-fields',
    {
      config: { access: 'inventory.settings' },
      schema: {
        tags,
        summary: 'Define a custom device field',
        body: CustomFieldInputSchema,
        response: { 200: CustomFieldSchema },
      },
    },
    async (request) =>
      createCustomField(deps, { actor: request.actor, field: request.body, context: contextOf(request) }),
  );

  app.patch(
    '/inventory/custom-fields/:key',
    {
      config: { access: 'inventory.settings' },
      schema: {
        tags,
        summary: 'Change a custom device field (409 with the current one when your version is stale)',
        params: CustomFieldParamsSchema,
        body: CustomFieldUpdateSchema,
        response: { 200: CustomFieldSchema },
      },
    },
    async (request) =>
      updateCustomField(deps, {
        actor: request.actor,
        key: request.params.key,
        changes: request.body,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/inventory/custom-fields/:key',
    {
      config: { access: 'inventory.settings' },
      schema: {
        tags,
        summary: 'Remove a custom device field (values on devices stay)',
        params: CustomFieldParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteCustomField(deps, {
        actor: request.actor,
        key: request.params.key,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/inventory/column-mapping',
    {
      config: { access: 'inventory.read' },
      schema: { tags, summary: 'The saved import column mapping', response: { 200: ColumnMappingSchema } },
    },
    async (request) => getColumnMapping(deps, { actor: request.actor }),
  );

  app.put(
    '/inventory/column-mapping',
    {
      config: { access: 'inventory.settings' },
      schema: {
        tags,
        summary: 'Replace the saved import column mapping (version 0 the first time; 409 when stale)',
        body: ColumnMappingInputSchema,
        response: { 200: ColumnMappingSchema },
      },
    },
    async (request) =>
      saveColumnMapping(deps, {
        actor: request.actor,
        mapping: request.body.mapping,
        version: request.body.version,
        context: contextOf(request),
      }),
  );
};
