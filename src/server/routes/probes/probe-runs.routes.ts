import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DeviceProbeResultsSchema,
  ProbeIdParams,
  ProbeObservationPageSchema,
  ProbeObservationQuerySchema,
  ProbePageQuerySchema,
  ProbeRunCreateSchema,
  ProbeRunCreatedSchema,
  ProbeRunDiffSchema,
  ProbeRunListQuerySchema,
  ProbeRunPageSchema,
  ProbeRunSchema,
  ProbeTargetPageSchema,
} from '../../../contracts/probes';
import {
  diffProbeRun,
  getDeviceProbeResults,
  getProbeRun,
  listRunObservations,
  listRunTargets,
  listRuns,
} from '../../../services/probes/probe-run-views';
import { requestProbeRun } from '../../../services/probes/request-probe-run';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['probes'];

/**
 * /api/probes/runs — dry runs, runs (jobs) inside a declared scope, their targets, observations and
 * diff against the previous run; and a device's latest probe results. Cancelling is POST /api/jobs/:id/cancel.
 */
export const probeRunsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/probes/runs',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: 'Probe runs, newest first',
        querystring: ProbeRunListQuerySchema,
        response: { 200: ProbeRunPageSchema },
      },
    },
    async (request) => {
      const { scopeId, limit, offset } = request.query;
      return listRuns(deps, {
        actor: request.actor,
        ...(scopeId !== undefined ? { scopeId } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(offset !== undefined ? { offset } : {}),
      });
    },
  );

  app.post(
    '/probes/runs',
    {
      config: { access: 'probes.run' },
      schema: {
        tags,
        summary: 'Plan a probe run (dryRun) or start one',
        body: ProbeRunCreateSchema,
        response: { 200: ProbeRunCreatedSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const devices = body.devices;
      return requestProbeRun(deps, {
        actor: request.actor,
        request: {
          scopeId: body.scopeId,
          ...(body.targets !== undefined ? { targets: body.targets } : {}),
          ...(devices !== undefined
            ? {
                devices: {
                  ...(devices.assetTags !== undefined ? { assetTags: devices.assetTags } : {}),
                  ...(devices.deviceIds !== undefined ? { deviceIds: devices.deviceIds } : {}),
                  ...(devices.systemId !== undefined ? { systemId: devices.systemId } : {}),
                },
              }
            : {}),
          ...(body.ports !== undefined ? { ports: body.ports } : {}),
          ...(body.checks !== undefined ? { checks: body.checks } : {}),
          ...(body.dryRun !== undefined ? { dryRun: body.dryRun } : {}),
        },
        context: contextOf(request),
      });
    },
  );

  app.get(
    '/probes/runs/:id',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: 'A probe run with its status',
        params: ProbeIdParams,
        response: { 200: ProbeRunSchema },
      },
    },
    async (request) => getProbeRun(deps, { actor: request.actor, runId: request.params.id }),
  );

  app.get(
    '/probes/runs/:id/targets',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: 'The targets of a probe run',
        params: ProbeIdParams,
        querystring: ProbePageQuerySchema,
        response: { 200: ProbeTargetPageSchema },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return listRunTargets(deps, {
        actor: request.actor,
        runId: request.params.id,
        ...(limit !== undefined ? { limit } : {}),
        ...(offset !== undefined ? { offset } : {}),
      });
    },
  );

  app.get(
    '/probes/runs/:id/observations',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: 'The observations of a probe run',
        params: ProbeIdParams,
        querystring: ProbeObservationQuerySchema,
        response: { 200: ProbeObservationPageSchema },
      },
    },
    async (request) => {
      const { item, result, check, deviceId, address, limit, offset } = request.query;
      return listRunObservations(deps, {
        actor: request.actor,
        runId: request.params.id,
        query: {
          ...(item !== undefined ? { item } : {}),
          ...(result !== undefined ? { result } : {}),
          ...(check !== undefined ? { check } : {}),
          ...(deviceId !== undefined ? { deviceId } : {}),
          ...(address !== undefined ? { address } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(offset !== undefined ? { offset } : {}),
        },
      });
    },
  );

  app.get(
    '/probes/runs/:id/diff',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: 'What changed since the previous run of the scope',
        params: ProbeIdParams,
        response: { 200: ProbeRunDiffSchema },
      },
    },
    async (request) => diffProbeRun(deps, { actor: request.actor, runId: request.params.id }),
  );

  app.get(
    '/inventory/devices/:id/probe-results',
    {
      config: { access: 'probes.read' },
      schema: {
        tags,
        summary: "A device's latest probe result per check and port",
        params: ProbeIdParams,
        response: { 200: DeviceProbeResultsSchema },
      },
    },
    async (request) => getDeviceProbeResults(deps, { actor: request.actor, deviceId: request.params.id }),
  );
};
