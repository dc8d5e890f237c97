import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../../core/domain-error';
import { SbomImportResultSchema, SbomUploadFieldsSchema } from '../../../contracts/vulnerabilities/sbom.schema';
import type { SbomTarget } from '../../../services/vulnerabilities/sbom/import-sbom';
import { importUploadedSbom } from '../../../services/vulnerabilities/sbom/import-uploaded-sbom';
import { parseFormFields, readSingleFileForm } from '../../multipart-form';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['vulnerabilities'];

/** POST /api/inventory/sboms — an SBOM (CycloneDX or SPDX) uploaded for a model or one device. */
export const sbomRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const uploadDeps = {
    database: deps.database,
    clock: deps.clock,
    spoolDir: join(deps.config.dataDir, 'tmp'),
    maxBytes: deps.config.importMaxBytes,
  };

  app.post(
    '/inventory/sboms',
    {
      config: { access: 'inventory.import' },
      schema: {
        tags,
        summary: 'Upload an SBOM (multipart `file` + `manufacturer`, `model` | `deviceId`), replacing the earlier one',
        description:
          'An invalid SBOM is refused whole (400 VALIDATION_FAILED with each located problem) and nothing is stored.',
        consumes: ['multipart/form-data'],
        response: { 200: SbomImportResultSchema },
      },
    },
    async (request) => {
      const form = await readSingleFileForm(request, 'file', deps.config.importMaxBytes);
      return importUploadedSbom(uploadDeps, {
        actor: request.actor,
        file: form.file,
        readTarget: async () => targetOf(parseFormFields(SbomUploadFieldsSchema, await form.readFields())),
        context: contextOf(request),
      });
    },
  );
};

function targetOf(fields: { manufacturer?: string; model?: string; deviceId?: string }): SbomTarget {
  if (fields.deviceId !== undefined && fields.model === undefined && fields.manufacturer === undefined)
    return { kind: 'device', deviceId: fields.deviceId };
  if (fields.deviceId === undefined && fields.model !== undefined)
    return { kind: 'model', manufacturer: fields.manufacturer ?? '', model: fields.model };
  throw new DomainError('VALIDATION_FAILED', 'Name what the SBOM describes: a model or one device.', [
    {
      field: fields.deviceId === undefined ? 'model' : 'deviceId',
      reason: 'send model (and manufacturer) or deviceId',
    },
  ]);
}
