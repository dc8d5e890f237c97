import Type from 'typebox';
import { JOB_STATUSES } from '../core/jobs/job.types';
import { PROBE_CHECKS } from '../core/probes/observation';
import { WEEKDAYS } from '../core/probes/time-windows';
import { JobSchema } from './report.schema';

/*
 * Probes (issue 14): scopes an admin declares, credential lists, runs (jobs), observations, diffs.
 *
 * Every route acts in the caller's CURRENT organisation (session or token), like every other route
 * of this API (/api/inventory/…, /api/incidents/…): the auth plugin checks that organisation, so
 * there is no :organisationId in the paths. The CLI's `--org ID` picks the organisation.
 *
 * Access actions (src/core/auth/policy.ts):
 *   probes.read   owner, admin, assessor, viewer — see scopes, runs, observations, diffs, device results
 *   probes.run    owner, admin, assessor         — dry-run and start runs inside a declared scope
 *   probes.manage owner, admin                   — declare/edit/archive scopes, credential lists
 * Cancelling a run is the existing POST /api/jobs/:id/cancel (jobId of the run; the requester or an admin).
 *
 * Routes:
 *   GET    /api/probes/scopes                       probes.read    ?archived=true also lists archived  → ProbeScopeListSchema
 *   POST   /api/probes/scopes                       probes.manage  ProbeScopeCreateSchema              → ProbeScopeSchema
 *   GET    /api/probes/scopes/:id                   probes.read                                        → ProbeScopeSchema
 *   PATCH  /api/probes/scopes/:id                   probes.manage  ProbeScopeUpdateSchema (version)    → ProbeScopeSchema
 *   POST   /api/probes/scopes/:id/archive           probes.manage  ProbeScopeArchiveSchema (version)   → ProbeScopeSchema
 *   GET    /api/probes/credential-lists             probes.manage                                      → ProbeCredentialListListSchema
 *   POST   /api/probes/credential-lists             probes.manage  ProbeCredentialListCreateSchema     → ProbeCredentialListSchema
 *   DELETE /api/probes/credential-lists/:id         probes.manage                                      → { ok: true }
 *   GET    /api/probes/runs                         probes.read    ProbeRunListQuerySchema             → ProbeRunPageSchema
 *   POST   /api/probes/runs                         probes.run     ProbeRunCreateSchema (dryRun flag)  → ProbeRunCreatedSchema
 *   GET    /api/probes/runs/:id                     probes.read    (status + progress of its job)      → ProbeRunSchema
 *   GET    /api/probes/runs/:id/targets             probes.read    ProbePageQuerySchema                → ProbeTargetPageSchema
 *   GET    /api/probes/runs/:id/observations        probes.read    ProbeObservationQuerySchema         → ProbeObservationPageSchema
 *   GET    /api/probes/runs/:id/diff                probes.read    (vs previousRunId)                  → ProbeRunDiffSchema
 *   GET    /api/inventory/devices/:id/probe-results probes.read    latest observation per check+port   → DeviceProbeResultsSchema
 *   POST   /api/jobs/:id/cancel                     (existing)     cancels a queued/running run
 * Machine evidence: GET /api/assessments/:id/machine-evidence gains entries with source `probe-run`
 * (key `probeResults`, field `probe`) for items jssec-v2:23, 24, 25, 26, 32, 47.
 *
 * Errors: an outside target → 400 VALIDATION_FAILED (details per target, nothing enqueued or sent);
 * outside the scope's time windows → 409 CONFLICT with detail { field: 'timeWindows', code:
 * 'outside_time_window', params: { nextStart, nextEnd } } (ISO-8601 UTC); archived scope → 409 CONFLICT.
 */

const List = <T extends Type.TSchema>(items: T, options: { maxItems?: number } = {}) =>
  Type.Immutable(Type.Array(items, options));
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Moment = Type.String({ description: 'ISO-8601 UTC' });

export const ProbeCheckSchema = Type.Enum([...PROBE_CHECKS]);
export const ProbeResultSchema = Type.Enum(['pass', 'fail', 'inconclusive']);
export const ProbeVantageSchema = Type.Enum(['inside', 'outside'], {
  description: 'outside: the probe runs from outside the network, so a reachable service fails item 24',
});
export const PROBE_RUN_STATUSES = JOB_STATUSES;
export const ProbeRunStatusSchema = Type.Enum([...JOB_STATUSES]);

const Port = Type.Integer({ minimum: 1, maximum: 65535 });
const Ports = Type.Array(Port, { minItems: 1, maxItems: 1000, uniqueItems: true });
const Checks = Type.Array(ProbeCheckSchema, { minItems: 1, maxItems: PROBE_CHECKS.length, uniqueItems: true });
const HourMinute = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, 24 h' });

/**
 * When probes of a scope may run: on `days`, from `start` to `end` in the scope's `timeZone`.
 * `end` ≤ `start` means the window runs past midnight into the next day (22:00–06:00).
 */
export const ProbeTimeWindowSchema = Type.Object(
  {
    days: Type.Array(Type.Enum([...WEEKDAYS]), { minItems: 1, maxItems: 7, uniqueItems: true }),
    start: HourMinute,
    end: HourMinute,
  },
  { additionalProperties: false },
);

const ScopeName = Type.String({ minLength: 1, maxLength: 100 });
const ScopeTargets = Type.String({
  minLength: 1,
  maxLength: 20000,
  description: 'CIDRs, ranges (a-b, a-N), addresses, host names; separated by commas, spaces or lines',
});
const DeviceSelection = Type.Object(
  {
    assetTags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 })),
    deviceIds: Type.Optional(Type.Array(Id, { maxItems: 1000, uniqueItems: true })),
    systemId: Type.Optional(Id),
  },
  {
    additionalProperties: false,
    description:
      'inventory devices, resolved to their recorded IP addresses; each must lie inside the scope (else refused)',
  },
);
const Rate = Type.Integer({ minimum: 1, maximum: 20000, description: 'connections per second (default 100)' });
const Concurrency = Type.Integer({ minimum: 1, maximum: 1024, description: 'open connections at once (default 32)' });
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA zone of the time windows, default UTC',
});
const TimeWindows = Type.Array(ProbeTimeWindowSchema, {
  maxItems: 50,
  description: 'empty = any time',
});

/** POST /api/probes/scopes */
export const ProbeScopeCreateSchema = Type.Object(
  {
    name: ScopeName,
    targets: ScopeTargets,
    allowCredentials: Type.Optional(
      Type.Boolean({ description: 'intrusive default-credential checks; default false' }),
    ),
    rate: Type.Optional(Rate),
    concurrency: Type.Optional(Concurrency),
    vantage: Type.Optional(ProbeVantageSchema),
    expectedPorts: Type.Optional(Type.Array(Port, { maxItems: 1000, uniqueItems: true })),
    timeZone: Type.Optional(TimeZone),
    timeWindows: Type.Optional(TimeWindows),
  },
  { additionalProperties: false },
);

/** PATCH /api/probes/scopes/:id — only the fields given change; `version` is the one you edited. */
export const ProbeScopeUpdateSchema = Type.Object(
  {
    name: Type.Optional(ScopeName),
    targets: Type.Optional(ScopeTargets),
    allowCredentials: Type.Optional(Type.Boolean()),
    rate: Type.Optional(Rate),
    concurrency: Type.Optional(Concurrency),
    vantage: Type.Optional(ProbeVantageSchema),
    expectedPorts: Type.Optional(Nullable(Type.Array(Port, { maxItems: 1000, uniqueItems: true }))),
    timeZone: Type.Optional(TimeZone),
    timeWindows: Type.Optional(TimeWindows),
    version: Type.Integer({ minimum: 1, description: 'a stale one gets 409 CONFLICT' }),
  },
  { additionalProperties: false },
);

/** POST /api/probes/scopes/:id/archive */
export const ProbeScopeArchiveSchema = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const ProbeScopeSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  targets: Type.String({ description: 'as declared' }),
  entries: List(
    Type.Object({
      kind: Type.Enum(['network', 'hostname']),
      text: Type.String(),
      addresses: Type.Integer({ description: 'addresses covered (0 for a host name)' }),
    }),
  ),
  addressCount: Type.Integer(),
  allowCredentials: Type.Boolean(),
  rate: Type.Integer(),
  concurrency: Type.Integer(),
  vantage: ProbeVantageSchema,
  expectedPorts: Nullable(List(Type.Integer())),
  timeZone: Type.String(),
  timeWindows: List(ProbeTimeWindowSchema),
  archived: Type.Boolean(),
  version: Type.Integer(),
  createdBy: Nullable(Type.String({ description: 'user id' })),
  createdAt: Moment,
  updatedAt: Moment,
  lastRun: Nullable(Type.Object({ id: Type.String(), status: ProbeRunStatusSchema, finishedAt: Nullable(Moment) })),
});

export const ProbeScopeListQuerySchema = Type.Object(
  { archived: Type.Optional(Type.Boolean({ description: 'include archived scopes' })) },
  { additionalProperties: false },
);
export const ProbeScopeListSchema = Type.Object({ scopes: List(ProbeScopeSchema) });

/** POST /api/probes/credential-lists — the passwords are encrypted at rest and never returned. */
export const ProbeCredentialListCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    credentials: Type.Array(
      Type.Object(
        {
          username: Type.String({ maxLength: 200 }),
          password: Type.String({ maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

/** A credential list as returned: user names only (for recognising it), never a password. */
export const ProbeCredentialListSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  count: Type.Integer(),
  usernames: List(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Moment,
});
export const ProbeCredentialListListSchema = Type.Object({ lists: List(ProbeCredentialListSchema) });

/**
 * POST /api/probes/runs — what to probe inside a scope. No `targets` and no `devices` = the whole
 * scope. `dryRun: true` returns the plan only: nothing is stored, enqueued or sent.
 */
export const ProbeRunCreateSchema = Type.Object(
  {
    scopeId: Id,
    targets: Type.Optional(
      Type.String({ maxLength: 20000, description: 'a subset: addresses, ranges, CIDRs, host names' }),
    ),
    devices: Type.Optional(DeviceSelection),
    ports: Type.Optional(Ports),
    checks: Type.Optional(Checks),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** One address of a plan, with the inventory device recorded at that address (if any). */
export const ProbePlannedTargetSchema = Type.Object({
  address: Type.String(),
  hostname: Type.Optional(Type.String()),
  deviceId: Nullable(Type.String()),
  assetTag: Nullable(Type.String()),
});

/** What a run will contact; the dry run's answer. `connections` = targets × ports of the scan. */
export const ProbePlanSchema = Type.Object({
  scopeId: Type.String(),
  targets: List(ProbePlannedTargetSchema),
  unresolved: List(Type.String({ description: 'host names that resolved to nothing: never contacted' })),
  devicesWithoutAddress: List(Type.String({ description: 'asset tags of selected devices with no IP recorded' })),
  ports: List(Type.Integer()),
  checks: List(ProbeCheckSchema),
  allowCredentials: Type.Boolean(),
  vantage: ProbeVantageSchema,
  connections: Type.Integer(),
  rate: Type.Integer(),
  concurrency: Type.Integer(),
});

export const ProbeRunCountsSchema = Type.Object({
  targets: Type.Integer(),
  reachable: Type.Integer({ description: 'targets with at least one open port' }),
  openPorts: Type.Integer(),
  pass: Type.Integer(),
  fail: Type.Integer(),
  inconclusive: Type.Integer(),
});

/** A run: its job's status and progress, what was asked, and (once ended) the counts. */
export const ProbeRunSchema = Type.Object({
  id: Type.String(),
  scopeId: Type.String(),
  scopeName: Type.String(),
  jobId: Type.String({ description: 'cancel with POST /api/jobs/:jobId/cancel' }),
  status: ProbeRunStatusSchema,
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  cancelled: Type.Boolean({ description: 'stopped early; the stored results are partial' }),
  requested: Type.Object({
    targets: Nullable(Type.String()),
    devices: Nullable(Type.Integer({ description: 'how many devices were selected' })),
    ports: List(Type.Integer()),
    checks: List(ProbeCheckSchema),
  }),
  intrusive: Type.Boolean({ description: 'default-credentials was among the checks' }),
  counts: Nullable(ProbeRunCountsSchema),
  requestedBy: Nullable(Type.String()),
  requestedByMe: Type.Boolean(),
  previousRunId: Nullable(Type.String()),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  createdAt: Moment,
  startedAt: Nullable(Moment),
  finishedAt: Nullable(Moment),
});

/** The answer to POST /api/probes/runs: always the plan; `run` and `job` null for a dry run. */
export const ProbeRunCreatedSchema = Type.Object({
  plan: ProbePlanSchema,
  run: Nullable(ProbeRunSchema),
  job: Nullable(JobSchema),
});

const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });
const Offset = Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 });

/** ?limit&offset (limit ≤ 500). */
export const ProbePageQuerySchema = Type.Object(
  { limit: Type.Optional(Limit), offset: Type.Optional(Offset) },
  { additionalProperties: false },
);

export const ProbeRunListQuerySchema = Type.Object(
  { scopeId: Type.Optional(Id), limit: Type.Optional(Limit), offset: Type.Optional(Offset) },
  { additionalProperties: false },
);
export const ProbeRunPageSchema = Type.Object({
  runs: List(ProbeRunSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

/** One target of a run. */
export const ProbeTargetSchema = Type.Object({
  address: Type.String(),
  hostname: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  assetTag: Nullable(Type.String()),
  openPorts: List(Type.Integer()),
  pass: Type.Integer(),
  fail: Type.Integer(),
  inconclusive: Type.Integer(),
});
export const ProbeTargetPageSchema = Type.Object({
  targets: List(ProbeTargetSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const ReasonParams = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));
const ReasonCode = Type.String({ description: 'a stable code (core/probes/probe-reason.ts) to translate' });
const InnermostReason = Type.Object({ code: ReasonCode, params: Type.Optional(ReasonParams) });
const InnerReason = Type.Object({
  code: ReasonCode,
  params: Type.Optional(ReasonParams),
  causes: Type.Optional(Type.Array(InnermostReason, { maxItems: 20 })),
});
/** A probe's reason as a code with parameters and the lower-level causes behind it (three levels at most). */
export const ProbeReasonSchema = Type.Object({
  code: ReasonCode,
  params: Type.Optional(ReasonParams),
  causes: Type.Optional(Type.Array(InnerReason, { maxItems: 20 })),
});

/**
 * One observation as stored. `findings` and `reasonCodes` are stable codes to translate; `reason`
 * is the English text (the only one on observations stored before reasons had codes).
 */
export const ProbeObservationSchema = Type.Object({
  id: Type.String(),
  runId: Type.String(),
  address: Type.String(),
  deviceId: Nullable(Type.String()),
  assetTag: Nullable(Type.String()),
  check: ProbeCheckSchema,
  result: ProbeResultSchema,
  reason: Nullable(Type.String()),
  reasonCodes: Nullable(Type.Array(ProbeReasonSchema, { maxItems: 20 })),
  findings: List(Type.String()),
  port: Nullable(Type.Integer()),
  detail: Type.String({ description: 'what was sent and received, control bytes escaped, ≤ 2 KB; never a password' }),
  items: List(Type.String({ description: 'e.g. jssec-v2:32' })),
  observedAt: Moment,
});

/** ?item&result&deviceId&check&address&limit&offset */
export const ProbeObservationQuerySchema = Type.Object(
  {
    item: Type.Optional(Type.String({ maxLength: 100, description: 'e.g. jssec-v2:32' })),
    result: Type.Optional(ProbeResultSchema),
    check: Type.Optional(ProbeCheckSchema),
    deviceId: Type.Optional(Id),
    address: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Limit),
    offset: Type.Optional(Offset),
  },
  { additionalProperties: false },
);
export const ProbeObservationPageSchema = Type.Object({
  observations: List(ProbeObservationSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

/** GET /api/probes/runs/:id/diff — diffRuns(previous, this); `previousRunId` null = nothing to compare. */
export const ProbeRunDiffSchema = Type.Object({
  runId: Type.String(),
  previousRunId: Nullable(Type.String()),
  addedTargets: List(Type.String()),
  removedTargets: List(Type.String()),
  targets: List(
    Type.Object({
      address: Type.String(),
      openedPorts: List(Type.Integer()),
      closedPorts: List(Type.Integer()),
      changed: List(
        Type.Object({
          check: ProbeCheckSchema,
          port: Nullable(Type.Integer()),
          before: Nullable(ProbeResultSchema),
          after: Nullable(ProbeResultSchema),
          items: List(Type.String()),
        }),
      ),
    }),
  ),
});

/** GET /api/inventory/devices/:id/probe-results — the latest observation per check and port. */
export const DeviceProbeResultsSchema = Type.Object({
  deviceId: Type.String(),
  observations: List(ProbeObservationSchema),
});

/**
 * The part a `probe-run` machine-evidence entry adds (GET /api/assessments/:id/machine-evidence):
 * over the latest observation per device, check and port of the system's devices for this item.
 */
export const ProbeEvidenceSchema = Type.Object({
  runId: Type.String({ description: 'the newest run that contributed' }),
  runFinishedAt: Moment,
  pass: Type.Integer(),
  fail: Type.Integer(),
  inconclusive: Type.Integer(),
  devices: Type.Integer({ description: 'devices with at least one observation for the item' }),
  failing: List(
    Type.Object({
      deviceId: Type.String(),
      assetTag: Type.String(),
      check: ProbeCheckSchema,
      finding: Type.String({ description: 'the first finding code of the failed observation' }),
      port: Nullable(Type.Integer()),
      runId: Type.String(),
      observedAt: Moment,
    }),
    { maxItems: 20 },
  ),
});

/** A path with one scope, list or run id. */
export const ProbeIdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

export type ProbeScopeView = Type.Static<typeof ProbeScopeSchema>;
export type ProbeScopeCreateInput = Type.Static<typeof ProbeScopeCreateSchema>;
export type ProbeScopeUpdateInput = Type.Static<typeof ProbeScopeUpdateSchema>;
export type ProbeTimeWindow = Type.Static<typeof ProbeTimeWindowSchema>;
export type ProbeCredentialListView = Type.Static<typeof ProbeCredentialListSchema>;
export type ProbeCredentialListCreateInput = Type.Static<typeof ProbeCredentialListCreateSchema>;
export type ProbeRunCreateInput = Type.Static<typeof ProbeRunCreateSchema>;
export type ProbePlanView = Type.Static<typeof ProbePlanSchema>;
export type ProbeRunView = Type.Static<typeof ProbeRunSchema>;
export type ProbeRunCountsView = Type.Static<typeof ProbeRunCountsSchema>;
export type ProbeRunCreatedView = Type.Static<typeof ProbeRunCreatedSchema>;
export type ProbeRunPageView = Type.Static<typeof ProbeRunPageSchema>;
export type ProbeTargetView = Type.Static<typeof ProbeTargetSchema>;
export type ProbeTargetPageView = Type.Static<typeof ProbeTargetPageSchema>;
export type ProbeObservationView = Type.Static<typeof ProbeObservationSchema>;
export type ProbeObservationPageView = Type.Static<typeof ProbeObservationPageSchema>;
export type ProbeObservationQuery = Type.Static<typeof ProbeObservationQuerySchema>;
export type ProbeRunDiffView = Type.Static<typeof ProbeRunDiffSchema>;
export type DeviceProbeResultsView = Type.Static<typeof DeviceProbeResultsSchema>;
export type ProbeEvidenceView = Type.Static<typeof ProbeEvidenceSchema>;
