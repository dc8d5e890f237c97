import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CrosswalkExportQuerySchema,
  GuidelineDocumentListSchema,
  GuidelineDocumentViewSchema,
} from '../../contracts/crosswalk.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { exportCrosswalk } from '../../services/catalog/export-crosswalk';
import { getGuidelineDocument } from '../../services/catalog/get-guideline-document';
import { listGuidelineDocuments } from '../../services/catalog/list-guideline-documents';
import type { ServerDeps } from '../server-deps';

const tags = ['catalog'];
// Guideline documents and crosswalks are published reference content, like the rest of the catalog.
const config = { access: 'public' as const };

/** /api/catalog — guideline documents and crosswalk export. */
export const guidelinesRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/guidelines',
    {
      config,
      schema: { tags, summary: 'Guideline documents, newest first', response: { 200: GuidelineDocumentListSchema } },
    },
    async () => ({ documents: listGuidelineDocuments(deps) }),
  );

  app.get(
    '/guidelines/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A guideline document with its items and the checksheet items linked to each',
        params: Type.Object({ id: Type.String() }),
        response: { 200: GuidelineDocumentViewSchema, 404: ProblemSchema },
      },
    },
    async (request) => getGuidelineDocument(deps, { id: request.params.id }),
  );

  app.get(
    '/crosswalks/:from/:to',
    {
      config,
      schema: {
        tags,
        summary: 'Export the links from one framework to another as JSON or CSV',
        params: Type.Object({ from: Type.String(), to: Type.String() }),
        querystring: CrosswalkExportQuerySchema,
        produces: ['application/json', 'text/csv'],
      },
    },
    async (request, reply) => {
      const file = exportCrosswalk(deps, {
        from: request.params.from,
        to: request.params.to,
        format: request.query.format ?? 'json',
      });
      return reply
        .type(`${file.mediaType}; charset=utf-8`)
        .header(
          'content-disposition',
          `attachment; filename="${request.params.from}--${request.params.to}.${file.extension}"`,
        )
        .send(file.content);
    },
  );
};
