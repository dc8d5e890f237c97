import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor';
import { createSecretBox } from '../../core/auth/secret-box';
import { claimNextJob } from '../../db/jobs/job.repository';
import { runNextJob } from '../jobs/run-next-job';
import { probeJobHandlers } from './probe-run-job-handler';
import { requestProbeRun } from './request-probe-run';
import { createJobFileStore } from '../../integrations/jobs/job-file-store';
import { seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';
import { PROBE_RUN_JOB } from './request-probe-run';
import { runProbeHere } from './run-probe-here';
import { createProbeScope } from './save-probe-scope';

// A listener that accepts and then says nothing: the Telnet check waits for a banner until it is
// cancelled, so a cancel always lands while the run is in flight.
const SILENT = { address: '127.0.62.1', port: 2323 };
let silent: Server;
beforeAll(async () => {
  silent = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => silent.listen(SILENT.port, SILENT.address, resolve));
});
afterAll(async () => {
  await new Promise((resolve) => silent.close(resolve));
});

describeEachDialect('runProbeHere', (database) => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-probe-here-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const deps = () => ({
    database: database(),
    clock: () => new Date(),
    secretBox: createSecretBox(randomBytes(32)),
    jobFiles: createJobFileStore(join(dir, 'jobs')),
    probeOptions: { serviceTimeoutMs: 20_000 },
  });
  const setUp = async () => {
    const organisationId = await seedOrganisation(database(), 'Plant');
    const actor = { ...cliActor('tester'), organisationId };
    const scope = await createProbeScope(deps(), { actor, scope: { name: 'Silent', targets: '127.0.62.0/29' } });
    return { organisationId, actor, scopeId: scope.id };
  };
  const jobOf = (id: string) =>
    database().db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const runOf = (id: string) =>
    database().db.selectFrom('probe_run').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs the job here and ends it succeeded with its file, audited as the operator', async () => {
    const { actor, scopeId } = await setUp();
    const outcome = await runProbeHere(deps(), {
      actor,
      request: { scopeId, targets: SILENT.address, ports: [SILENT.port], checks: ['ports'] },
      workerId: 'cli:test',
      leaseMs: 60_000,
      signal: new AbortController().signal,
    });
    expect(outcome.cancelled).toBe(false);
    expect(outcome.result.targets).toEqual([expect.objectContaining({ address: SILENT.address, openPorts: [2323] })]);
    const job = await jobOf(outcome.jobId);
    expect(job).toMatchObject({ status: 'succeeded', locked_by: null, attempts: 1, requested_by: '' });
    expect(job.result_name).toBe(`probe-run-${outcome.runId}.json`);
    expect(JSON.parse(readFileSync(join(dir, 'jobs', outcome.jobId), 'utf8'))).toMatchObject({
      targets: [{ address: SILENT.address, openPorts: [2323] }],
    });
    expect(await runOf(outcome.runId)).toMatchObject({
      stored: 1,
      cancelled: 0,
      open_port_count: 1,
      requested_by: null,
    });
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'actor_label', 'actor_user_id'])
      .where('target_id', '=', outcome.runId)
      .execute();
    expect(audit).toEqual([{ action: 'probe_run.requested', actor_label: 'cli:tester', actor_user_id: null }]);
  });

  it('is stored already claimed: a server polling the queue while the run is in flight claims nothing', async () => {
    const { actor, scopeId } = await setUp();
    const stop = new AbortController();
    let polled: unknown = 'not polled';
    let held: unknown;
    const outcome = await runProbeHere(deps(), {
      actor,
      request: { scopeId, targets: SILENT.address, ports: [SILENT.port], checks: ['ports', 'telnet'] },
      workerId: 'cli:test',
      leaseMs: 60_000,
      signal: stop.signal,
      onProgress: () => {
        if (polled !== 'not polled') return;
        polled = 'polling';
        const now = new Date();
        void claimNextJob(database(), {
          workerId: 'a-server',
          now: now.toISOString(),
          leaseUntil: new Date(now.getTime() + 60_000).toISOString(),
          kinds: [PROBE_RUN_JOB],
        })
          .then(async (claimed) => {
            polled = claimed;
            held = await database()
              .db.selectFrom('job')
              .select(['status', 'locked_by'])
              .where('kind', '=', PROBE_RUN_JOB)
              .where('status', '=', 'running')
              .execute();
          })
          .finally(() => stop.abort());
      },
    });
    expect(polled).toBeUndefined();
    expect(held).toEqual([{ status: 'running', locked_by: 'cli:test' }]);
    expect(outcome.cancelled).toBe(true);
  });

  it('a cancel (Ctrl-C) stores what was seen marked cancelled and cancels the job, audited as the operator', async () => {
    const { actor, scopeId } = await setUp();
    const stop = new AbortController();
    const outcome = await runProbeHere(deps(), {
      actor,
      request: { scopeId, targets: SILENT.address, ports: [SILENT.port], checks: ['ports', 'telnet'] },
      workerId: 'cli:test',
      leaseMs: 60_000,
      signal: stop.signal,
      // Cancel once the scan is done and the Telnet check is waiting for a banner that never comes.
      onProgress: (fraction) => {
        if (fraction >= 0.5) setTimeout(() => stop.abort(), 200);
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(await runOf(outcome.runId)).toMatchObject({ stored: 1, cancelled: 1, open_port_count: 1 });
    const job = await jobOf(outcome.jobId);
    expect(job).toMatchObject({ status: 'cancelled', locked_by: null, result_name: null });
    const observations = await database()
      .db.selectFrom('probe_observation')
      .select(['check_name'])
      .where('run_id', '=', outcome.runId)
      .execute();
    expect(observations.map((row) => row.check_name)).not.toContain('telnet');
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('target_id', 'in', [outcome.runId, outcome.jobId])
      .orderBy('occurred_at')
      .execute();
    expect(audit).toEqual([
      { action: 'probe_run.requested', actor_label: 'cli:tester' },
      { action: 'job.cancel', actor_label: 'cli:tester' },
    ]);
  });

  it('a run whose command-line process died is failed by the next server with a clear reason, never re-run', async () => {
    const { actor, scopeId } = await setUp();
    // What a killed `iotcheck probe run` leaves: its job stored claimed, with a lease that lapsed.
    const asked = await requestProbeRun(deps(), {
      actor,
      request: { scopeId, targets: SILENT.address, ports: [SILENT.port], checks: ['ports'] },
      claimedBy: { workerId: 'cli:gone', leaseMs: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const handlers = probeJobHandlers(deps());
    expect(await runNextJob(deps(), { workerId: 'a-server', handlers, leaseMs: 60_000 })).toBe('ran');
    const job = await jobOf(asked.job!.id);
    expect(job).toMatchObject({ status: 'failed', error_code: 'CONFLICT' });
    expect(job.error_message).toContain('command-line run that stopped');
    expect(await runOf(asked.run!.id)).toMatchObject({ stored: 0 });
  });
});
