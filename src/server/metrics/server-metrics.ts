import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../../db/database';
import type { JobRunEnded } from '../../services/jobs/run-next-job';
import { readJobQueueDepth } from '../../services/jobs/read-job-queue-depth';
import type { ImportMeter } from '../../services/ops/import-meter';

/** Seconds; from a cached catalog read (~1 ms) to a large import or report (tens of seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One answered request as the metrics see it: the route pattern, never the raw URL. */
export interface ObservedRequest {
  readonly method: string;
  /** The matched route pattern (`/api/assessments/:id`), or undefined when no route matched. */
  readonly route: string | undefined;
  readonly status: number;
  readonly seconds: number;
}

/** This process's Prometheus metrics and the hooks that feed them. */
export interface ServerMetrics {
  readonly registry: Registry;
  observeRequest(request: ObservedRequest): void;
  readonly importMeter: ImportMeter;
  jobRunEnded(run: JobRunEnded): void;
}

/**
 * Creates the metrics of one server on its own registry (tests build several apps in one process):
 * request latency by route pattern and status class, job runs by outcome, imported records, the
 * job queue read from the database on each scrape, and Node's process metrics.
 */
export function createServerMetrics(deps: { database: Database }): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'iotcheck_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const imported = new Counter({
    name: 'iotcheck_imported_records_total',
    help: 'Records written by imports (created + updated), by kind: devices or advisories',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'iotcheck_job_runs_total',
    help: 'Job runs ended on this server, by kind and outcome (succeeded, failed, queued again, lost)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'iotcheck_jobs',
    help: 'Jobs in the queue of the whole installation, by kind and status (read on scrape)',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      const counts = await readJobQueueDepth(deps);
      // Reset first: a kind/status pair that emptied must read as gone, not as its last value.
      this.reset();
      for (const { kind, status, count } of counts) this.set({ kind, status }, count);
    },
  });
  for (const kind of ['devices', 'advisories'] as const) imported.inc({ kind }, 0);
  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      latency.observe({ method, route: route ?? 'unmatched', status_class: `${Math.floor(status / 100)}xx` }, seconds);
    },
    importMeter: {
      imported(kind, count) {
        if (count > 0) imported.inc({ kind }, count);
      },
    },
    jobRunEnded({ kind, outcome }) {
      jobRuns.inc({ kind, outcome });
    },
  };
}
