import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config';
import { connectDatabase } from '../db/connect';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createSecretBox } from '../core/auth/secret-box';
import { createArgon2Hasher } from '../integrations/auth/password-hasher';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { readInstallationKey } from '../integrations/secrets/installation-key';
import { loadCatalogDeps } from '../services/catalog/catalog-deps';
import { recordCatalogVersions } from '../services/catalog/record-catalog-versions';
import { startJobWorker, type JobWorker } from '../services/jobs/job-worker';
import { incidentJobHandlers } from '../services/incidents/incident-job-handlers';
import { reportJobHandlers } from '../services/reports/report-job-handlers';
import { probeJobHandlers } from '../services/probes/probe-run-job-handler';
import { vulnerabilityJobHandlers } from '../services/vulnerabilities/vulnerability-job-handlers';
import { buildApp, type BuildAppOptions } from './app';
import { createServerMetrics } from './metrics/server-metrics';
import { openFileStores } from '../integrations/files/file-stores';
import { clearSpoolDir } from '../integrations/files/clear-spool-dir';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInFlightRequests, type InFlightRequests } from './in-flight-requests';
import { sweepSpoolDir } from '../services/jobs/sweep-spool-dir';
import { sweepSharedUploads } from '../services/jobs/sweep-shared-uploads';

/** How often a server looks for jobs other servers queued (its own wake it at once). */
const JOB_POLL_MS = 2_000;

/** How often a server removes spooled uploads no job wants any more (cancelled or ended elsewhere). */
const SPOOL_SWEEP_MS = 10 * 60_000;

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly url: string;
  /** How long stop() lets requests in flight finish before closing their connections (SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;
  /**
   * Stops accepting, lets in-flight requests finish (up to the grace period, then closes their
   * connections), stops the job worker (a running job goes back to the queue), then closes the database.
   */
  stop(): Promise<void>;
}

/**
 * Loads and validates the catalog (a broken file stops here, naming file and field), opens the
 * database, applies migrations, records the catalog versions and starts listening.
 */
export async function startServer(config: AppConfig, options: BuildAppOptions = {}): Promise<RunningServer> {
  const catalog = await loadCatalogDeps(config.catalogDir);
  const secretBox = createSecretBox(readInstallationKey({ configured: config.secretKey, dataDir: config.dataDir }));
  const database = connectDatabase(config.database);
  const fileStores = openFileStores(config);
  try {
    await migrateToLatest(database);
    await recordCatalogVersions({ database, catalog: catalog.catalog, now: () => new Date() });
    const { evidenceStore, jobFiles, sharedUploads } = fileStores;
    await fileStores.removeStaleUploads();
    // Uploads a kill -9 cut off mid-request are still spooled in DATA_DIR/tmp (this server's own folder).
    const spoolDir = join(config.dataDir, 'tmp');
    await clearSpoolDir(spoolDir);
    const jobs: { worker?: JobWorker } = {};
    const metrics = config.metricsToken ? createServerMetrics({ database }) : undefined;
    const inFlight = createInFlightRequests();
    const app = await buildApp(
      {
        config,
        database,
        ...catalog,
        secretBox,
        passwords: createArgon2Hasher(),
        clock: () => new Date(),
        evidenceStore,
        evidenceMaxBytes: config.evidenceMaxBytes,
        jobFiles,
        ...(sharedUploads ? { sharedUploads } : {}),
        wakeJobWorker: () => jobs.worker?.wake(),
        ...(metrics ? { metrics } : {}),
        // The OpenID Connect library loads only when single sign-on is configured.
        ...(config.oidc
          ? { oidc: (await import('../integrations/auth/oidc-client')).createOidcClient(config.oidc) }
          : {}),
      },
      { ...options, inFlight },
    );
    let stopping: Promise<void> | undefined;
    // Responses finished during shutdown close their keep-alive connection, so close() can end.
    app.addHook('onSend', async (_request, reply) => {
      if (stopping) reply.header('connection', 'close');
    });
    const url = await app.listen({ port: config.port, host: config.host });
    jobs.worker = startJobWorker(
      { database, clock: () => new Date(), jobFiles },
      {
        workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        handlers: {
          ...reportJobHandlers({ database, clock: () => new Date(), catalog: catalog.catalog }),
          ...vulnerabilityJobHandlers({
            database,
            clock: () => new Date(),
            spoolDir,
            ...(sharedUploads ? { sharedUploads } : {}),
            ...(metrics ? { importMeter: metrics.importMeter } : {}),
          }),
          ...incidentJobHandlers({ database, clock: () => new Date(), catalog: catalog.catalog }),
          ...probeJobHandlers({ database, clock: () => new Date(), secretBox }),
        },
        // A job's claim lasts JOB_LEASE_MS (a minute) unless renewed; a dead server's jobs are taken over after that.
        leaseMs: config.jobLeaseMs,
        pollMs: JOB_POLL_MS,
        log: (message, error) => app.log.error({ err: error }, message),
        onRunEnded: (run) => {
          metrics?.jobRunEnded(run);
          app.log[run.outcome === 'succeeded' ? 'info' : 'warn']({ job: run }, 'job run ended');
        },
      },
    );
    // Servers with their own DATA_DIR: a job cancelled or run through another server leaves its upload
    // here. With the shared store, a server that died before queueing its job leaves the upload there.
    const sweepDeps = { database, clock: () => new Date(), ...(sharedUploads ? { sharedUploads } : {}) };
    const spoolSweeper = startPeriodic(SPOOL_SWEEP_MS, () =>
      Promise.all([
        sweepSpoolDir(sweepDeps, { spoolDir }).catch((error: unknown) =>
          app.log.error({ err: error }, 'spool directory not swept'),
        ),
        sweepSharedUploads(sweepDeps).catch((error: unknown) =>
          app.log.error({ err: error }, 'shared uploads not swept'),
        ),
      ]),
    );
    const background = [spoolSweeper, ...(jobs.worker ? [jobs.worker] : [])];
    const stop = (): Promise<void> => {
      stopping ??= drain({ app, inFlight, background, graceMs: config.shutdownGraceMs }).finally(() =>
        Promise.all([database.close(), fileStores.close()]),
      );
      return stopping;
    };
    return { app, database, url, shutdownGraceMs: config.shutdownGraceMs, stop };
  } catch (error) {
    await Promise.all([database.close(), fileStores.close()]);
    throw error;
  }
}

/**
 * Everything that may still use the database comes to an end: the server stops accepting at once,
 * requests in flight get `graceMs` to finish and are then cut off (their connections closed), the
 * job worker stops meanwhile (a running job goes back to the queue). Resolves when no request
 * handler and no job is left running, so the database can close under nobody.
 */
async function drain(options: {
  readonly app: FastifyInstance;
  readonly inFlight: InFlightRequests;
  /** The job worker and periodic chores: stopped meanwhile, awaited before the database closes. */
  readonly background: readonly { stop(): Promise<void> }[];
  readonly graceMs: number;
}): Promise<void> {
  const { app, inFlight, background, graceMs } = options;
  const backgroundStopped = Promise.all(background.map((task) => task.stop()));
  const closed = app.close();
  const grace = new AbortController();
  const finishedInTime = await Promise.race([
    closed.then(() => true),
    sleep(graceMs, false, { signal: grace.signal }).catch(() => false),
  ]);
  grace.abort();
  if (!finishedInTime) {
    // With no request left (SHUTDOWN_GRACE_MS=0, or idle keep-alive sockets) there is nothing to report.
    if (inFlight.size > 0)
      app.log.warn(
        { graceMs, requestsInFlight: inFlight.size },
        'shutdown grace period ended; closing the connections of requests still in flight',
      );
    app.server.closeAllConnections();
    await closed;
  }
  // A handler whose connection was closed may still be finishing its own work (and writes).
  await inFlight.settled();
  await backgroundStopped;
}

/** Runs `task` now and every `everyMs` (never two at once); stop() ends it and waits for a run under way. */
function startPeriodic(everyMs: number, task: () => Promise<unknown>): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= task().finally(() => (running = undefined));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export interface ShutdownOptions {
  readonly timeoutMs?: number;
  readonly exit?: (code: number) => void;
  readonly signals?: readonly NodeJS.Signals[];
}

/** What a stop may take beyond the grace period: the cut-off handlers and the job settle, the database closes. */
const STOP_AFTER_GRACE_MS = 10_000;

/**
 * On SIGTERM/SIGINT: stop accepting, finish in-flight requests (within SHUTDOWN_GRACE_MS), stop the
 * job worker, close the database, exit 0. If stopping still hangs 10 s after the grace period, exit
 * 1 so an orchestrator is not left waiting.
 */
export function installGracefulShutdown(server: RunningServer, options: ShutdownOptions = {}): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? server.shutdownGraceMs + STOP_AFTER_GRACE_MS;
  const onSignal = (signal: NodeJS.Signals): void => {
    server.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      server.app.log.error({ timeoutMs }, 'shutdown timed out');
      exit(1);
    }, timeoutMs);
    timer.unref();
    server.stop().then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        clearTimeout(timer);
        exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, onSignal);
}
