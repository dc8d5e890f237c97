import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DeviceFacetsSchema,
  DeviceFilterQuerySchema,
  LifecycleQuerySchema,
  LifecycleSchema,
} from '../../../contracts/inventory/device-query.schema';
import { getFacets } from '../../../services/inventory/get-facets';
import { getLifecycle } from '../../../services/inventory/get-lifecycle';
import type { ServerDeps } from '../../server-deps';
import { deviceFilterOf } from './device-filter-query';

const tags = ['inventory'];

/** /api/inventory/facets and /api/inventory/lifecycle — counts over the organisation's devices. */
export const inventoryOverviewRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/facets',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'Facet values with counts (each facet under the other filters)',
        querystring: DeviceFilterQuerySchema,
        response: { 200: DeviceFacetsSchema },
      },
    },
    async (request) => getFacets(deps, { actor: request.actor, filter: deviceFilterOf(request.query) }),
  );

  app.get(
    '/inventory/lifecycle',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'Support ending or ended, old firmware, devices without owner or location',
        querystring: LifecycleQuerySchema,
        response: { 200: LifecycleSchema },
      },
    },
    async (request) =>
      getLifecycle(deps, { actor: request.actor, firmwareOlderThanDays: request.query.firmwareOlderThanDays }),
  );
};
