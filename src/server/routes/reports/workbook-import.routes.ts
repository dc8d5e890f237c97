import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { WorkbookImportFieldsSchema, WorkbookImportResultSchema } from '../../../contracts/workbook-import.schema';
import { WORKBOOK_MAX_BYTES } from '../../../integrations/exports/xlsx/read-checksheet-workbook';
import { importUploadedWorkbook } from '../../../services/reports/import-uploaded-workbook';
import { parseFormFields, readSingleFileForm } from '../../multipart-form';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const IdParams = Type.Object({ id: Type.String() });

/** POST /api/assessments/:id/workbook-imports — an edited checksheet workbook, checked and applied in one transaction. */
export const workbookImportRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const importDeps = {
    database: deps.database,
    clock: deps.clock,
    catalog: deps.catalog,
    spoolDir: join(deps.config.dataDir, 'tmp'),
  };

  app.post(
    '/assessments/:id/workbook-imports',
    {
      config: { access: 'answers.write' },
      schema: {
        tags: ['reports'],
        summary: 'Import an edited checksheet workbook (multipart field `file`, optional field `dryRun`)',
        description: [
          'Applies exactly the answers and comments the workbook changed since its export, all or nothing.',
          'A workbook of another assessment or organisation, a foreign catalog, moved/deleted/added rows or an',
          'unknown answer label → 400 VALIDATION_FAILED, located (sheet!cell, row, column, field); an answer also',
          'changed in iotcheck since the export → 409; over 20 MB or a ZIP that unpacks too far → 413/400.',
        ].join(' '),
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: WorkbookImportResultSchema },
      },
    },
    async (request) => {
      const form = await readSingleFileForm(request, 'file', WORKBOOK_MAX_BYTES);
      const result = await importUploadedWorkbook(importDeps, {
        actor: request.actor,
        assessmentId: request.params.id,
        file: form.file,
        readDryRun: async () => parseFormFields(WorkbookImportFieldsSchema, await form.readFields()).dryRun === 'true',
        context: contextOf(request),
      });
      return { ...result, changes: [...result.changes] };
    },
  );
};
