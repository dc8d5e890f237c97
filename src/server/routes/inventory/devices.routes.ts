import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import {
  DeviceDeleteQuerySchema,
  DeviceHistorySchema,
  DeviceInputSchema,
  DevicePageSchema,
  DeviceSchema,
  DeviceUpdateSchema,
} from '../../../contracts/inventory/device.schema';
import {
  BulkEditResultSchema,
  BulkEditSchema,
  DeviceListQuerySchema,
} from '../../../contracts/inventory/device-query.schema';
import { bulkEditDevices } from '../../../services/inventory/bulk-edit-devices';
import { createDevice } from '../../../services/inventory/create-device';
import { deleteDevice } from '../../../services/inventory/delete-device';
import { getDevice } from '../../../services/inventory/get-device';
import { listDeviceHistory } from '../../../services/inventory/list-device-history';
import { listDevices } from '../../../services/inventory/list-devices';
import { updateDevice } from '../../../services/inventory/update-device';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';
import { deviceFilterOf } from './device-filter-query';

const tags = ['inventory'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });

/** /api/inventory/devices — the organisation's devices: keyset-paged list, one device, writes, history, bulk edit. */
export const deviceRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/devices',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'A page of devices (filters may repeat; `after` = the previous page’s `next`)',
        querystring: DeviceListQuerySchema,
        response: { 200: DevicePageSchema },
      },
    },
    async (request) =>
      listDevices(deps, {
        actor: request.actor,
        filter: deviceFilterOf(request.query),
        sort: request.query.sort,
        dir: request.query.dir,
        limit: request.query.limit,
        after: request.query.after,
      }),
  );

  app.post(
    '/inventory/devices',
    {
      config: { access: 'inventory.manage' },
      schema: { tags, summary: 'Add a device', body: DeviceInputSchema, response: { 200: DeviceSchema } },
    },
    async (request) => createDevice(deps, { actor: request.actor, fields: request.body, context: contextOf(request) }),
  );

  app.post(
    '/inventory/devices/bulk',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Set fields on the selected devices (by ids or by filter) in one transaction',
        body: BulkEditSchema,
        response: { 200: BulkEditResultSchema },
      },
    },
    async (request) => {
      const { selection, set } = request.body;
      return bulkEditDevices(deps, {
        actor: request.actor,
        selection: 'ids' in selection ? { ids: selection.ids } : { filter: deviceFilterOf(selection.filter) },
        set: {
          site: set.site,
          building: set.building,
          floor: set.floor,
          room: set.room,
          owner: set.owner,
          status: set.status,
          networkZone: set.networkZone,
          criticality: set.criticality,
          maintainer: set.maintainer,
          tags: set.tags,
        },
        context: contextOf(request),
      });
    },
  );

  app.get(
    '/inventory/devices/:id',
    {
      config: { access: 'inventory.read' },
      schema: { tags, summary: 'One device with its systems', params: IdParams, response: { 200: DeviceSchema } },
    },
    async (request) => getDevice(deps, { actor: request.actor, deviceId: request.params.id }),
  );

  app.patch(
    '/inventory/devices/:id',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Change a device (409 with the current device when your version is stale)',
        params: IdParams,
        body: DeviceUpdateSchema,
        response: { 200: DeviceSchema },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return updateDevice(deps, {
        actor: request.actor,
        deviceId: request.params.id,
        version,
        changes,
        context: contextOf(request),
      });
    },
  );

  app.delete(
    '/inventory/devices/:id',
    {
      config: { access: 'inventory.delete' },
      schema: {
        tags,
        summary: 'Delete a device',
        params: IdParams,
        querystring: DeviceDeleteQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteDevice(deps, {
        actor: request.actor,
        deviceId: request.params.id,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/inventory/devices/:id/history',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'A device’s changes, newest first',
        params: IdParams,
        response: { 200: DeviceHistorySchema },
      },
    },
    async (request) => listDeviceHistory(deps, { actor: request.actor, deviceId: request.params.id }),
  );
};
