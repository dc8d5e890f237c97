import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TrustProxy } from '../config/config';
import { IOTCHECK_VERSION } from '../core/version';
import { lazySchemaCompilers } from './lazy-schema-compilers';
import { serializeRequestForLog } from './log-redaction';
import { RequestLogController } from './request-log';
import { registerMetricsRoute } from './metrics/metrics.routes';
import { createServerMetrics } from './metrics/server-metrics';
import { buildProblem, toProblem } from './problem';
import { refuseUndeclaredBody } from './undeclared-body';
import { authPlugin } from './auth/auth-plugin';
import './auth/route-access';
import { accountRoutes } from './routes/account.routes';
import { authRoutes } from './routes/auth.routes';
import { coverageRoutes } from './routes/coverage.routes';
import { guidelinesRoutes } from './routes/guidelines.routes';
import { catalogRoutes } from './routes/catalog.routes';
import { oidcRoutes } from './routes/oidc.routes';
import { organisationRoutes } from './routes/organisation.routes';
import { invitationsRoutes } from './routes/invitations.routes';
import { evidenceRoutes } from './routes/evidence.routes';
import { findingsRoutes } from './routes/findings.routes';
import { assessmentsRoutes } from './routes/assessments.routes';
import { systemsRoutes } from './routes/systems.routes';
import { inventoryImportRoutes } from './routes/inventory/imports.routes';
import { workbookImportRoutes } from './routes/reports/workbook-import.routes';
import { healthRoutes } from './routes/health.routes';
import { homeRoutes } from './routes/home.routes';
import { deviceRoutes } from './routes/inventory/devices.routes';
import { inventoryExportRoutes } from './routes/inventory/export.routes';
import { inventoryOverviewRoutes } from './routes/inventory/inventory-overview.routes';
import { savedViewRoutes } from './routes/inventory/saved-views.routes';
import { systemDeviceRoutes } from './routes/inventory/system-devices.routes';
import { dataFlowsRoutes } from './routes/inventory/data-flows.routes';
import { inventoryFactsRoutes } from './routes/inventory/inventory-facts.routes';
import { reportJobRoutes } from './routes/reports/report-jobs.routes';
import { inventorySettingsRoutes } from './routes/inventory/inventory-settings.routes';
import { providersRoutes } from './routes/inventory/providers.routes';
import { stakeholdersRoutes } from './routes/inventory/stakeholders.routes';
import { questionnairesRoutes } from './routes/questionnaires/questionnaires.routes';
import { questionnaireResponsesRoutes } from './routes/questionnaires/questionnaire-responses.routes';
import { incidentsRoutes } from './routes/incidents/incidents.routes';
import { playbooksRoutes } from './routes/incidents/playbooks.routes';
import { probeRunsRoutes } from './routes/probes/probe-runs.routes';
import { probeScopesRoutes } from './routes/probes/probe-scopes.routes';
import { vulnerabilitiesRoutes } from './routes/vulnerabilities/vulnerabilities.routes';
import { sbomRoutes } from './routes/vulnerabilities/sboms.routes';
import type { ServerDeps } from './server-deps';
import { refuseIllFormedText } from './well-formed-input';
import { NOT_BUILT_PAGE, registerStaticWeb } from './static-web';
import type { InFlightRequests } from './in-flight-requests';

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the first n hops" (proxy-addr's rule). */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

export interface BuildAppOptions {
  /** Overrides where the built SPA is read from (tests). */
  readonly webRoot?: string;
  /** Lets tests add routes (e.g. a deliberately slow one) before the app is sealed. */
  readonly extraRoutes?: (app: FastifyInstance) => void;
  /** Where JSON log lines go instead of stdout (tests read them). */
  readonly logStream?: { write(line: string): void };
  /** Counts the requests in flight (a stopping server waits for them before closing the database). */
  readonly inFlight?: InFlightRequests;
}

/**
 * Builds the HTTP edge. This file is the one routing table: every route group is registered
 * here, under /api, so it reads as the table of contents of the API.
 */
export async function buildApp(given: ServerDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const metrics = given.metrics ?? (given.config.metricsToken ? createServerMetrics(given) : undefined);
  const deps: ServerDeps = metrics ? { ...given, metrics } : given;
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            serializers: { req: serializeRequestForLog },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    // One JSON line per answered request, with its request id, route, status and duration.
    logController: new RequestLogController(),
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Behind a reverse proxy (TRUST_PROXY) request.ip is the client it names, for throttling and audit.
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    schemaController: { compilersFactory: lazySchemaCompilers() },
    // Every invalid field is reported at once (allErrors), and unknown body fields are refused (400
    // naming the field), never silently dropped: a client that sends `actor` or `organisationId`
    // learns the server does not take them from a body.
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Before any route is added: every route's handler is counted.
  options.inFlight?.attach(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Latency by route pattern, so ids and tokens in paths never become metric labels.
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest({
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
      });
    });
  }

  // Before any route's own validation: text that cannot be stored exactly never reaches a use case.
  app.addHook('preValidation', refuseIllFormedText);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });

  // CSP without unsafe-inline: the built SPA loads only its own files; QR codes are data: images.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // helmet adds this by default; on plain HTTP (a LAN address) it would send the browser to an
        // https:// that does not exist, so it is sent only when PUBLIC_URL is https.
        upgradeInsecureRequests: deps.config.publicUrl.protocol === 'https:' ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: deps.config.publicUrl.protocol === 'https:',
  });
  // brotli/gzip for API answers (1 KiB and up); the web app's files come compressed from the build.
  // Request bodies are never decompressed: bodyLimit must hold for the bytes a client sends.
  await app.register(fastifyCompress, { threshold: 1024, globalDecompression: false });
  await app.register(fastifyRateLimit, { global: false });
  // Uploads stream file parts (evidence); bodyLimit above stays the JSON limit.
  await app.register(fastifyMultipart, { limits: { fileSize: deps.config.evidenceMaxBytes, files: 1, fields: 10 } });
  await app.register(authPlugin, { deps, publicOrigin: deps.config.publicUrl.origin });
  // After the access check, like body validation: a refused caller learns nothing about bodies.
  app.addHook('preValidation', async (request) => refuseUndeclaredBody(request));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'iotcheck API',
        version: IOTCHECK_VERSION,
        description: 'IoT security assessments against the JSSEC IoT Security Checksheet (2nd ed.) and NIST CSF.',
      },
      servers: [{ url: deps.config.publicUrl.origin }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
      await api.register(healthRoutes, deps);
      await api.register(catalogRoutes, { ...deps, prefix: '/catalog' });
      await api.register(guidelinesRoutes, { ...deps, prefix: '/catalog' });
      await api.register(authRoutes, { ...deps, prefix: '/auth' });
      await api.register(oidcRoutes, { ...deps, prefix: '/auth' });
      await api.register(accountRoutes, { ...deps, prefix: '/account' });
      await api.register(organisationRoutes, deps);
      await api.register(invitationsRoutes, deps);
      await api.register(evidenceRoutes, deps);
      await api.register(findingsRoutes, deps);
      await api.register(systemsRoutes, deps);
      await api.register(inventoryImportRoutes, deps);
      await api.register(assessmentsRoutes, deps);
      await api.register(coverageRoutes, deps);
      await api.register(homeRoutes, deps);
      await api.register(deviceRoutes, deps);
      await api.register(inventoryOverviewRoutes, deps);
      await api.register(inventoryExportRoutes, deps);
      await api.register(savedViewRoutes, deps);
      await api.register(systemDeviceRoutes, deps);
      await api.register(providersRoutes, deps);
      await api.register(stakeholdersRoutes, deps);
      await api.register(dataFlowsRoutes, deps);
      await api.register(inventorySettingsRoutes, deps);
      await api.register(inventoryFactsRoutes, deps);
      await api.register(reportJobRoutes, deps);
      await api.register(workbookImportRoutes, deps);
      await api.register(questionnairesRoutes, deps);
      await api.register(questionnaireResponsesRoutes, deps);
      await api.register(incidentsRoutes, deps);
      await api.register(playbooksRoutes, deps);
      await api.register(vulnerabilitiesRoutes, deps);
      await api.register(sbomRoutes, deps);
      await api.register(probeScopesRoutes, deps);
      await api.register(probeRunsRoutes, deps);
    },
    { prefix: '/api' },
  );

  registerMetricsRoute(app, metrics, deps.config.metricsToken);
  options.extraRoutes?.(app);

  const web = await registerStaticWeb(app, options.webRoot);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api') || request.method !== 'GET') {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(buildProblem('NOT_FOUND', 404, `No route for ${request.method} ${path}.`));
    }
    if (!web.isBuilt) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  return app;
}
