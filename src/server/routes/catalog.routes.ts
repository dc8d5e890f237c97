import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CatalogNodeViewSchema,
  ExportQuerySchema,
  FrameworkListSchema,
  FrameworkTreeSchema,
  SearchQuerySchema,
  SearchResultSchema,
} from '../../contracts/catalog.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { exportFramework } from '../../services/catalog/export-framework';
import { getCatalogNode } from '../../services/catalog/get-catalog-node';
import { getFrameworkTree } from '../../services/catalog/get-framework-tree';
import { listFrameworks } from '../../services/catalog/list-frameworks';
import { searchCatalog } from '../../services/catalog/search-catalog';
import type { ServerDeps } from '../server-deps';

const tags = ['catalog'];
// The catalog is published reference content (the checksheet and NIST CSF), readable without an account.
const config = { access: 'public' as const };

/** /api/catalog — frameworks, trees, nodes with crosswalks, search and export. */
export const catalogRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/frameworks',
    { config, schema: { tags, summary: 'List frameworks', response: { 200: FrameworkListSchema } } },
    async () => ({
      frameworks: listFrameworks(deps),
    }),
  );

  app.get(
    '/frameworks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A framework with its whole tree',
        params: Type.Object({ id: Type.String() }),
        response: { 200: FrameworkTreeSchema, 404: ProblemSchema },
      },
    },
    async (request) => getFrameworkTree(deps, { frameworkId: request.params.id }),
  );

  app.get(
    '/frameworks/:id/export',
    {
      config,
      schema: {
        tags,
        summary: 'Export a framework as JSON, CSV, YAML or an OSCAL 1.1.3 catalog (format=oscal, one language)',
        params: Type.Object({ id: Type.String() }),
        querystring: ExportQuerySchema,
        produces: ['application/json', 'text/csv', 'application/yaml'],
      },
    },
    async (request, reply) => {
      const file = exportFramework(deps, {
        frameworkId: request.params.id,
        format: request.query.format ?? 'json',
        ...(request.query.lang ? { lang: request.query.lang } : {}),
      });
      const name = `${request.params.id}${request.query.lang ? `.${request.query.lang}` : ''}.${file.extension}`;
      return reply
        .type(`${file.mediaType}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file.content);
    },
  );

  app.get(
    '/nodes/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A node with its children and crosswalks both ways',
        params: Type.Object({ id: Type.String() }),
        response: { 200: CatalogNodeViewSchema, 404: ProblemSchema },
      },
    },
    async (request) => getCatalogNode(deps, { id: request.params.id }),
  );

  app.get(
    '/search',
    {
      config,
      schema: {
        tags,
        summary: 'Search ids and texts in Japanese and English',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, 400: ProblemSchema },
      },
    },
    async (request) => ({
      query: request.query.q,
      results: searchCatalog(deps, {
        query: request.query.q,
        ...(request.query.framework ? { frameworkId: request.query.framework } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
        ...(request.query.lang ? { language: request.query.lang } : {}),
      }),
    }),
  );
};
