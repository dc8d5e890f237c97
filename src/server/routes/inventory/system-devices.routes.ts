import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DevicePageSchema } from '../../../contracts/inventory/device.schema';
import { SystemDeviceListQuerySchema } from '../../../contracts/inventory/device-query.schema';
import {
  SystemDevicesChangedSchema,
  SystemDevicesChangeSchema,
} from '../../../contracts/inventory/system-devices.schema';
import { linkSystemDevices } from '../../../services/inventory/link-system-devices';
import { listSystemDevices } from '../../../services/inventory/list-system-devices';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];
const IdParams = Type.Object({ id: Type.String() });

/** /api/systems/:id/devices — the devices of one IoT system, and linking devices to it. */
export const systemDeviceRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/systems/:id/devices',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'A page of the system’s devices',
        params: IdParams,
        querystring: SystemDeviceListQuerySchema,
        response: { 200: DevicePageSchema },
      },
    },
    async (request) =>
      listSystemDevices(deps, {
        actor: request.actor,
        systemId: request.params.id,
        sort: request.query.sort,
        dir: request.query.dir,
        limit: request.query.limit,
        after: request.query.after,
      }),
  );

  app.put(
    '/systems/:id/devices',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Add devices to the system and remove others',
        params: IdParams,
        body: SystemDevicesChangeSchema,
        response: { 200: SystemDevicesChangedSchema },
      },
    },
    async (request) =>
      linkSystemDevices(deps, {
        actor: request.actor,
        systemId: request.params.id,
        add: request.body.add ?? [],
        remove: request.body.remove ?? [],
        context: contextOf(request),
      }),
  );
};
