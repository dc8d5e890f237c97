import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeviceExportQuerySchema } from '../../../contracts/inventory/device-query.schema';
import { deviceExportFile, exportDevices } from '../../../services/inventory/export-devices';
import { requireOrganisation } from '../../../services/accounts/require-user';
import type { ServerDeps } from '../../server-deps';
import { deviceFilterOf } from './device-filter-query';

/** /api/inventory/export — the filtered devices as CSV (UTF-8 with BOM) or XLSX, streamed. */
export const inventoryExportRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/export',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags: ['inventory'],
        summary: 'Devices as CSV or XLSX (same filters as the list; headers an import reads back)',
        querystring: DeviceExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      // Refused before the first byte: once streaming starts the status is already sent.
      requireOrganisation(request.actor);
      const format = request.query.format ?? 'csv';
      const file = deviceExportFile(format);
      const out = new PassThrough();
      exportDevices(deps, { actor: request.actor, filter: deviceFilterOf(request.query), format, out }).then(
        () => out.end(),
        (error: unknown) => {
          request.log.error({ err: error }, 'inventory export failed');
          out.destroy(error as Error);
        },
      );
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(out);
    },
  );
};
