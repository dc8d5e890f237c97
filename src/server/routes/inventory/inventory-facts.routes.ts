import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InventoryFactsSchema } from '../../../contracts/inventory/inventory-facts.schema';
import { IdParamsSchema } from '../../../contracts/inventory/record-parts.schema';
import { getAssessmentInventoryFacts } from '../../../services/inventory/get-assessment-inventory-facts';
import type { ServerDeps } from '../../server-deps';

/** GET /api/assessments/:id/inventory-facts — counts from the system's devices and flows for items 02, 36, 40, 41. */
export const inventoryFactsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/assessments/:id/inventory-facts',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags: ['assessments', 'inventory'],
        summary: 'Inventory facts of the assessed system for the checksheet items about the inventory',
        params: IdParamsSchema,
        response: { 200: InventoryFactsSchema },
      },
    },
    async (request) => getAssessmentInventoryFacts(deps, { actor: request.actor, assessmentId: request.params.id }),
  );
};
