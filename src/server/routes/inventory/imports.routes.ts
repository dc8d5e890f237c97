import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ImportQuerySchema, ImportResultSchema } from '../../../contracts/inventory/import.schema';
import { importUploadedDevices } from '../../../services/inventory/import-uploaded-devices';
import { readSingleFileForm } from '../../multipart-form';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];

/** POST /api/inventory/imports — a device file (CSV or XLSX) uploaded, checked and imported in one transaction. */
export const inventoryImportRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const importDeps = {
    database: deps.database,
    clock: deps.clock,
    spoolDir: join(deps.config.dataDir, 'tmp'),
    importMaxBytes: deps.config.importMaxBytes,
  };

  app.post(
    '/inventory/imports',
    {
      config: { access: 'inventory.import' },
      schema: {
        tags,
        summary: 'Import devices from a CSV or XLSX file (multipart field `file`), upserting by asset tag',
        description: [
          'A file with problems is refused whole (400 VALIDATION_FAILED with every problem: row, column, field,',
          'value, reason) unless validOnly; dryRun writes nothing. Larger than IMPORT_MAX_BYTES → 413.',
        ].join(' '),
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      const form = await readSingleFileForm(request, 'file', deps.config.importMaxBytes);
      const result = await importUploadedDevices(importDeps, {
        actor: request.actor,
        file: form.file,
        dryRun: request.query.dryRun === true,
        validOnly: request.query.validOnly === true,
        context: contextOf(request),
      });
      if (!result.dryRun) deps.metrics?.importMeter.imported('devices', result.created + result.updated);
      return { ...result, problems: [...result.problems] };
    },
  );
};
