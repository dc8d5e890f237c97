import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AdvisoryDetailSchema,
  AdvisoryListQuerySchema,
  AdvisoryListSchema,
  AdvisoryParamsSchema,
} from '../../../contracts/vulnerabilities/advisory.schema';
import {
  ConfirmationDecisionSchema,
  ConfirmationListSchema,
  ConfirmationQuerySchema,
  ConfirmationSchema,
} from '../../../contracts/vulnerabilities/confirmation.schema';
import {
  DeviceFirmwareSchema,
  LatestFirmwareListSchema,
  LatestFirmwareRequestSchema,
  LatestFirmwareSchema,
} from '../../../contracts/vulnerabilities/firmware.schema';
import { AdvisoryImportFieldsSchema, JobAcceptedSchema } from '../../../contracts/vulnerabilities/import.schema';
import { MachineEvidenceSchema } from '../../../contracts/vulnerabilities/machine-evidence.schema';
import {
  DeviceVulnerabilitiesSchema,
  MatchListQuerySchema,
  MatchListSchema,
} from '../../../contracts/vulnerabilities/match.schema';
import { TriageSchema } from '../../../contracts/vulnerabilities/parts.schema';
import { VulnerabilitySummarySchema } from '../../../contracts/vulnerabilities/summary.schema';
import { TriageRequestSchema } from '../../../contracts/vulnerabilities/triage.schema';
import { VexQuerySchema } from '../../../contracts/vulnerabilities/vex.schema';
import { presentJob } from '../../../services/jobs/present-job';
import {
  decideConfirmation,
  listConfirmationQueue,
} from '../../../services/vulnerabilities/confirmations/decide-confirmation';
import {
  listLatestFirmwareRecords,
  setLatestFirmware,
} from '../../../services/vulnerabilities/firmware/latest-firmware';
import { readDeviceFirmware } from '../../../services/vulnerabilities/firmware/read-device-firmware';
import { getMachineEvidence } from '../../../services/vulnerabilities/evidence/get-machine-evidence';
import { requestAdvisoryImport } from '../../../services/vulnerabilities/import/request-advisory-import';
import { requestMatch } from '../../../services/vulnerabilities/request-match';
import { setTriage } from '../../../services/vulnerabilities/triage/set-triage';
import { getAdvisory } from '../../../services/vulnerabilities/views/get-advisory';
import { getVulnerabilitySummary } from '../../../services/vulnerabilities/views/get-summary';
import { listAdvisories } from '../../../services/vulnerabilities/views/list-advisories';
import { listDeviceVulnerabilities, listMatches } from '../../../services/vulnerabilities/views/list-matches';
import { exportVex } from '../../../services/vulnerabilities/vex/export-vex';
import { attachmentDisposition } from '../../content-disposition';
import { parseFormFields, readSingleFileForm } from '../../multipart-form';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['vulnerabilities'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** The vulnerability API (issue 13): summary, advisories, matches, triage, confirmations, imports and matching. */
export const vulnerabilitiesRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const importDeps = {
    ...deps,
    spoolDir: join(deps.config.dataDir, 'tmp'),
    maxBytes: deps.config.importMaxBytes,
  };

  app.get(
    '/vulnerabilities/summary',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'Open matches, KEV, affected devices, by severity and status, trend',
        response: { 200: VulnerabilitySummarySchema },
      },
    },
    async (request) => getVulnerabilitySummary(deps, { actor: request.actor }),
  );

  app.get(
    '/vulnerabilities/advisories',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'Advisories matching the organisation’s devices (all=true: every visible advisory)',
        querystring: AdvisoryListQuerySchema,
        response: { 200: AdvisoryListSchema },
      },
    },
    async (request) => listAdvisories(deps, { actor: request.actor, query: request.query }),
  );

  app.get(
    '/vulnerabilities/advisories/:id',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'An advisory with its affected models and devices',
        params: AdvisoryParamsSchema,
        response: { 200: AdvisoryDetailSchema },
      },
    },
    async (request) => getAdvisory(deps, { actor: request.actor, advisoryId: request.params.id }),
  );

  app.get(
    '/vulnerabilities/matches',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'Matches per device or per model',
        querystring: MatchListQuerySchema,
        response: { 200: MatchListSchema },
      },
    },
    async (request) => listMatches(deps, { actor: request.actor, query: request.query }),
  );

  app.get(
    '/inventory/devices/:id/vulnerabilities',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags: [...tags, 'inventory'],
        summary: 'The matches of one device',
        params: IdParams,
        response: { 200: DeviceVulnerabilitiesSchema },
      },
    },
    async (request) => listDeviceVulnerabilities(deps, { actor: request.actor, deviceId: request.params.id }),
  );

  app.get(
    '/inventory/devices/:id/firmware',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags: [...tags, 'inventory'],
        summary: 'The device’s firmware against the latest known firmware of its model (item 40)',
        params: IdParams,
        response: { 200: DeviceFirmwareSchema },
      },
    },
    async (request) => readDeviceFirmware(deps, { actor: request.actor, deviceId: request.params.id }),
  );

  app.put(
    '/vulnerabilities/triage',
    {
      config: { access: 'vulnerabilities.triage' },
      schema: {
        tags,
        summary: 'Record the triage of an advisory for a model or one device',
        description: 'not_affected needs a justification; a stale expectedVersion → 409 with the current triage.',
        body: TriageRequestSchema,
        response: { 200: TriageSchema },
      },
    },
    async (request) => {
      const body = request.body;
      return setTriage(deps, {
        actor: request.actor,
        change: {
          advisoryId: body.advisoryId,
          target:
            body.target.kind === 'model'
              ? { kind: 'model', manufacturer: body.target.manufacturer, model: body.target.model }
              : { kind: 'device', deviceId: body.target.deviceId },
          status: body.status,
          ...(body.justification !== undefined ? { justification: body.justification } : {}),
          ...(body.detail !== undefined ? { detail: body.detail } : {}),
          ...(body.owner !== undefined ? { owner: body.owner } : {}),
          ...(body.due !== undefined ? { due: body.due } : {}),
          ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
        },
        context: contextOf(request),
      });
    },
  );

  app.get(
    '/vulnerabilities/confirmations',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'Version texts waiting for (or given) a decision',
        querystring: ConfirmationQuerySchema,
        response: { 200: ConfirmationListSchema },
      },
    },
    async (request) =>
      listConfirmationQueue(deps, {
        actor: request.actor,
        ...(request.query.status ? { status: request.query.status } : {}),
      }),
  );

  app.post(
    '/vulnerabilities/confirmations/:id',
    {
      config: { access: 'vulnerabilities.triage' },
      schema: {
        tags,
        summary: 'Confirm a version text as a range, or reject it',
        params: IdParams,
        body: ConfirmationDecisionSchema,
        response: { 200: ConfirmationSchema },
      },
    },
    async (request) =>
      decideConfirmation(deps, {
        actor: request.actor,
        termId: request.params.id,
        decision: {
          decision: request.body.decision,
          ...(request.body.versions ? { versions: request.body.versions } : {}),
          ...(request.body.expectedVersion !== undefined ? { expectedVersion: request.body.expectedVersion } : {}),
        },
        context: contextOf(request),
      }),
  );

  app.post(
    '/vulnerabilities/imports',
    {
      config: { access: 'vulnerabilities.import' },
      schema: {
        tags,
        summary: 'Upload an advisory file (multipart `file`, optional field `source`): imported and matched by a job',
        consumes: ['multipart/form-data'],
        response: { 202: JobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const form = await readSingleFileForm(request, 'file', deps.config.importMaxBytes);
      const job = await requestAdvisoryImport(importDeps, {
        actor: request.actor,
        file: form.file,
        readSource: async () => parseFormFields(AdvisoryImportFieldsSchema, await form.readFields()).source ?? 'auto',
        context: contextOf(request),
      });
      return reply.code(202).send({ job: presentJob(job, request.actor) });
    },
  );

  app.post(
    '/vulnerabilities/match',
    {
      config: { access: 'vulnerabilities.triage' },
      schema: { tags, summary: 'Run the organisation’s match now (a job)', response: { 202: JobAcceptedSchema } },
    },
    async (request, reply) => {
      const job = await requestMatch(deps, { actor: request.actor, context: contextOf(request) });
      return reply.code(202).send({ job: presentJob(job, request.actor) });
    },
  );

  app.get(
    '/assessments/:id/machine-evidence',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags: ['assessments', ...tags],
        summary: 'Life-cycle, firmware and vulnerability facts of the assessed system for items 36, 39, 40 and 47',
        params: IdParams,
        response: { 200: MachineEvidenceSchema },
      },
    },
    async (request) => getMachineEvidence(deps, { actor: request.actor, assessmentId: request.params.id }),
  );

  app.get(
    '/vulnerabilities/vex',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'The organisation’s triage as VEX: CycloneDX 1.6 JSON or CSAF 2.0 csaf_vex (attachment)',
        querystring: VexQuerySchema,
        produces: ['application/vnd.cyclonedx+json', 'application/csaf+json'],
      },
    },
    async (request, reply) => {
      const file = await exportVex(
        { ...deps, publicUrl: deps.config.publicUrl.href },
        { actor: request.actor, format: request.query.format },
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/vulnerabilities/latest-firmware',
    {
      config: { access: 'vulnerabilities.read' },
      schema: {
        tags,
        summary: 'The latest known firmware per manufacturer and model',
        response: { 200: LatestFirmwareListSchema },
      },
    },
    async (request) => listLatestFirmwareRecords(deps, { actor: request.actor }),
  );

  app.put(
    '/vulnerabilities/latest-firmware',
    {
      config: { access: 'vulnerabilities.triage' },
      schema: {
        tags,
        summary: 'Record the latest known firmware of a model (item 40 compares devices with it)',
        body: LatestFirmwareRequestSchema,
        response: { 200: LatestFirmwareSchema },
      },
    },
    async (request) =>
      setLatestFirmware(deps, {
        actor: request.actor,
        change: {
          manufacturer: request.body.manufacturer,
          model: request.body.model,
          version: request.body.version,
          ...(request.body.releasedOn !== undefined ? { releasedOn: request.body.releasedOn } : {}),
          ...(request.body.source !== undefined ? { source: request.body.source } : {}),
        },
        context: contextOf(request),
      }),
  );
};
