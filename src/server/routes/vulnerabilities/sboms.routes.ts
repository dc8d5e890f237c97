import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DomainError } from '../../../core/domain-error';
import {
  SbomComponentPageSchema,
  SbomComponentQuerySchema,
  SbomImportResultSchema,
  SbomListQuerySchema,
  SbomListSchema,
  SbomUploadFieldsSchema,
} from '../../../contracts/vulnerabilities/sbom.schema';
import type { SbomTarget } from '../../../services/vulnerabilities/sbom/import-sbom';
import { importUploadedSbom } from '../../../services/vulnerabilities/sbom/import-uploaded-sbom';
import { listSbomComponents, listSboms, type SbomListTarget } from '../../../services/vulnerabilities/sbom/list-sboms';
import { parseFormFields, readSingleFileForm } from '../../multipart-form';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['vulnerabilities'];

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/**
 * POST /api/inventory/sboms — an SBOM (CycloneDX or SPDX) uploaded for a model or one device;
 * GET /api/inventory/sboms — the SBOMs (all, one model's, or those applying to one device);
 * GET /api/inventory/sboms/:id/components — one SBOM's components, page by page.
 */
export const sbomRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const uploadDeps = {
    database: deps.database,
    clock: deps.clock,
    spoolDir: join(deps.config.dataDir, 'tmp'),
    maxBytes: deps.config.importMaxBytes,
  };

  app.get(
    '/inventory/sboms',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary:
          'The SBOMs of the organisation, of one model (`manufacturer`, `model`) or applying to one device (`deviceId`)',
        description: 'For a device: its own SBOMs first, then its model’s (used by matching only while it has none).',
        querystring: SbomListQuerySchema,
        response: { 200: SbomListSchema },
      },
    },
    async (request) => listSboms(deps, { actor: request.actor, target: listTargetOf(request.query) }),
  );

  app.get(
    '/inventory/sboms/:id/components',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'One SBOM and a page of its components in file order (`after` = last position shown)',
        params: IdParams,
        querystring: SbomComponentQuerySchema,
        response: { 200: SbomComponentPageSchema },
      },
    },
    async (request) =>
      listSbomComponents(deps, {
        actor: request.actor,
        sbomId: request.params.id,
        ...(request.query.after !== undefined ? { after: request.query.after } : {}),
        ...(request.query.limit !== undefined ? { limit: request.query.limit } : {}),
      }),
  );

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

function listTargetOf(query: { manufacturer?: string; model?: string; deviceId?: string }): SbomListTarget {
  if (query.deviceId === undefined && query.model === undefined && query.manufacturer === undefined)
    return { kind: 'all' };
  const target = targetOf(query);
  return target.kind === 'model' ? target : { kind: 'device', deviceId: query.deviceId ?? '' };
}

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
