import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../../../core/auth/secret-box';
import { createJobFileStore } from '../../../integrations/jobs/job-file-store';
import { runNextJob } from '../../../services/jobs/run-next-job';
import { probeJobHandlers } from '../../../services/probes/probe-run-job-handler';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createTestApp, createTestClock } from '../../../testing/test-app';
import { seedMember, seedOrganisation } from '../../../testing/test-accounts';
import { createTestAssessmentDeps, seedAssessment, seedMemberActor } from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';

/** A TCP listener on a loopback address that counts the connections it accepts. */
async function listen(host: string, port = 0): Promise<{ server: Server; port: number; connections: () => number }> {
  let count = 0;
  const server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { server, port: address.port, connections: () => count };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describeEachDialect('probe routes', (database) => {
  const clock = createTestClock();
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'iotcheck-probes-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('declares a scope, refuses outside targets without sending, runs, diffs and feeds machine evidence', async () => {
    const db = database();
    const app = await createTestApp(db, {}, clock);
    const organisationId = await seedOrganisation(db, 'Plant');
    const owner = await seedMemberActor(db, organisationId, 'owner');
    const admin = await seedMember(db, organisationId, 'admin', clock);
    const assessor = await seedMember(db, organisationId, 'assessor', clock);
    const stranger = await seedMember(db, await seedOrganisation(db, 'Elsewhere'), 'owner', clock);
    const headersOf = async (member: typeof admin) => {
      const session = await member.session();
      return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    };
    const adminHeaders = await headersOf(admin);
    const assessorHeaders = await headersOf(assessor);
    const strangerHeaders = await headersOf(stranger);

    const { systemId, assessmentId } = await seedAssessment(createTestAssessmentDeps(db, clock), owner);
    const deviceId = await seedLinkedDevice(db, organisationId, {
      systemId,
      fields: { assetTag: 'CAM-41', ipAddresses: ['127.0.41.2'] },
    });

    const runQueued = () =>
      runNextJob(
        { database: db, clock, jobFiles: createJobFileStore(join(dataDir, 'jobs')) },
        {
          workerId: 'test',
          handlers: probeJobHandlers({
            database: db,
            clock,
            secretBox: createSecretBox(randomBytes(32)),
            probeOptions: { connectTimeoutMs: 500, serviceTimeoutMs: 500 },
          }),
          leaseMs: 60_000,
        },
      );

    // Only an admin (or owner) declares a scope.
    const scopeBody = { name: 'Lab', targets: '127.0.41.0/29', expectedPorts: [] as number[] };
    const refused = await app.inject({
      method: 'POST',
      url: '/api/probes/scopes',
      headers: assessorHeaders,
      payload: scopeBody,
    });
    expect(refused.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/probes/scopes',
      headers: adminHeaders,
      payload: scopeBody,
    });
    expect(created.statusCode).toBe(200);
    const scope = created.json<{ id: string; addressCount: number; version: number }>();
    expect(scope).toMatchObject({ addressCount: 8, version: 1 });

    // Another organisation sees none of it.
    const foreignList = await app.inject({ url: '/api/probes/scopes', headers: strangerHeaders });
    expect(foreignList.json<{ scopes: unknown[] }>().scopes).toEqual([]);
    expect((await app.inject({ url: `/api/probes/scopes/${scope.id}`, headers: strangerHeaders })).statusCode).toBe(
      404,
    );
    const ownList = await app.inject({ url: '/api/probes/scopes', headers: assessorHeaders });
    expect(ownList.json<{ scopes: { id: string }[] }>().scopes.map((s) => s.id)).toEqual([scope.id]);

    const first = await listen('127.0.41.2');
    const second = await listen('127.0.41.2');
    const secondPort = second.port;
    await close(second.server); // closed during the first run, opened again before the second
    const outsider = await listen('127.0.43.1');
    try {
      const ports = [first.port, secondPort];

      const dry = await app.inject({
        method: 'POST',
        url: '/api/probes/runs',
        headers: assessorHeaders,
        payload: { scopeId: scope.id, targets: '127.0.41.2', ports, checks: ['ports'], dryRun: true },
      });
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({
        run: null,
        job: null,
        plan: { scopeId: scope.id, targets: [{ address: '127.0.41.2', assetTag: 'CAM-41' }], connections: 2 },
      });

      const jobsBefore = await db.db.selectFrom('job').select('id').execute();
      const outside = await app.inject({
        method: 'POST',
        url: '/api/probes/runs',
        headers: assessorHeaders,
        payload: { scopeId: scope.id, targets: '127.0.43.1', ports: [outsider.port], checks: ['ports'] },
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await db.db.selectFrom('job').select('id').execute()).toEqual(jobsBefore);
      expect(await runQueued()).toBe('idle');
      expect(outsider.connections()).toBe(0);

      const startRun = async () => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/probes/runs',
          headers: assessorHeaders,
          payload: { scopeId: scope.id, targets: '127.0.41.2', ports, checks: ['ports'] },
        });
        expect(response.statusCode).toBe(200);
        const body = response.json<{ run: { id: string; status: string }; job: { id: string } }>();
        expect(body.run.status).toBe('queued');
        expect(await runQueued()).toBe('ran');
        const run = await app.inject({ url: `/api/probes/runs/${body.run.id}`, headers: assessorHeaders });
        expect(run.json()).toMatchObject({ status: 'succeeded', counts: { targets: 1, reachable: 1 } });
        return body.run.id;
      };

      const run1 = await startRun();
      const targets1 = await app.inject({ url: `/api/probes/runs/${run1}/targets`, headers: assessorHeaders });
      expect(targets1.json()).toMatchObject({
        total: 1,
        targets: [{ address: '127.0.41.2', assetTag: 'CAM-41', openPorts: [first.port] }],
      });
      const observations = await app.inject({
        url: `/api/probes/runs/${run1}/observations?item=jssec-v2:23`,
        headers: assessorHeaders,
      });
      const page = observations.json<{ observations: { port: number | null; items: string[]; result: string }[] }>();
      expect(page.observations).toContainEqual(
        expect.objectContaining({ port: first.port, result: 'fail', items: expect.arrayContaining(['jssec-v2:23']) }),
      );
      expect(first.connections()).toBeGreaterThan(0);
      expect(outsider.connections()).toBe(0);

      const reopened = await listen('127.0.41.2', secondPort);
      try {
        const run2 = await startRun();
        const diff = await app.inject({ url: `/api/probes/runs/${run2}/diff`, headers: assessorHeaders });
        expect(diff.json()).toMatchObject({
          runId: run2,
          previousRunId: run1,
          targets: [{ address: '127.0.41.2', openedPorts: [secondPort], closedPorts: [] }],
        });

        const device = await app.inject({
          url: `/api/inventory/devices/${deviceId}/probe-results`,
          headers: assessorHeaders,
        });
        expect(device.statusCode).toBe(200);
        const ports2 = device
          .json<{ observations: { runId: string; port: number | null }[] }>()
          .observations.filter((o) => o.runId === run2 && o.port !== null)
          .map((o) => o.port)
          .sort((a, b) => (a ?? 0) - (b ?? 0));
        expect(ports2).toEqual([first.port, secondPort].sort((a, b) => a - b));
        expect(
          (await app.inject({ url: `/api/inventory/devices/${deviceId}/probe-results`, headers: strangerHeaders }))
            .statusCode,
        ).toBe(404);

        const evidence = await app.inject({
          url: `/api/assessments/${assessmentId}/machine-evidence`,
          headers: adminHeaders,
        });
        expect(evidence.statusCode).toBe(200);
        const item23 = evidence.json<{ items: Record<string, { source: string; probe?: { runId: string } }[]> }>()
          .items['jssec-v2:23'];
        expect(item23).toContainEqual(
          expect.objectContaining({ source: 'probe-run', probe: expect.objectContaining({ runId: run2 }) }),
        );
      } finally {
        await close(reopened.server);
      }
    } finally {
      await Promise.all([close(first.server), close(outsider.server)]);
    }
  });
});
