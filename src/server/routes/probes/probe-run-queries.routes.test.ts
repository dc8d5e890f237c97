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

const HOST = '127.0.44.1';

describeEachDialect('probe run queries', (database) => {
  const clock = createTestClock();
  let dataDir: string;
  let server: Server;
  let openPort: number;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'iotcheck-probe-queries-'));
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, HOST, () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    openPort = address.port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pages runs, filters observations by check, result and item, shows reason codes, and keeps runs per organisation', async () => {
    const db = database();
    const app = await createTestApp(db, {}, clock);
    const organisationId = await seedOrganisation(db, 'Plant');
    const owner = await seedMemberActor(db, organisationId, 'owner');
    const headersOf = async (member: Awaited<ReturnType<typeof seedMember>>) => {
      const session = await member.session();
      return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    };
    const admin = await headersOf(await seedMember(db, organisationId, 'admin', clock));
    const viewer = await headersOf(await seedMember(db, organisationId, 'viewer', clock));
    const provider = await headersOf(await seedMember(db, organisationId, 'provider', clock));
    const stranger = await headersOf(await seedMember(db, await seedOrganisation(db, 'Elsewhere'), 'owner', clock));
    const { systemId } = await seedAssessment(createTestAssessmentDeps(db, clock), owner);
    const deviceId = await seedLinkedDevice(db, organisationId, {
      systemId,
      fields: { assetTag: 'CAM-44', ipAddresses: ['192.0.2.9', HOST] },
    });
    const scope = (
      await app.inject({
        method: 'POST',
        url: '/api/probes/scopes',
        headers: admin,
        payload: { name: 'Q', targets: HOST },
      })
    ).json<{ id: string }>();
    const payload = { scopeId: scope.id, ports: [openPort], checks: ['ports'] };
    expect((await app.inject({ method: 'POST', url: '/api/probes/runs', headers: viewer, payload })).statusCode).toBe(
      403,
    );
    const runIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const started = await app.inject({ method: 'POST', url: '/api/probes/runs', headers: admin, payload });
      expect(started.statusCode).toBe(200);
      runIds.push(started.json<{ run: { id: string } }>().run.id);
      const ran = await runNextJob(
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
      expect(ran).toBe('ran');
    }

    // Paging: newest first, total counts them all.
    const page1 = await app.inject({ url: '/api/probes/runs?limit=2&offset=0', headers: viewer });
    expect(page1.statusCode).toBe(200);
    const body1 = page1.json<{ runs: { id: string }[]; total: number; limit: number; offset: number }>();
    expect(body1).toMatchObject({ total: 3, limit: 2, offset: 0 });
    const page2 = await app.inject({ url: '/api/probes/runs?limit=2&offset=2', headers: viewer });
    const body2 = page2.json<{ runs: { id: string }[] }>();
    expect([...body1.runs, ...body2.runs].map((run) => run.id).sort()).toEqual([...runIds].sort());
    expect(body2.runs).toHaveLength(1);
    expect((await app.inject({ url: '/api/probes/runs', headers: provider })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/probes/runs', headers: stranger })).json()).toMatchObject({ total: 0 });

    const last = runIds[2]!;
    type Page = {
      observations: {
        check: string;
        result: string;
        port: number | null;
        items: string[];
        reason: string | null;
        reasonCodes: { code: string }[] | null;
        deviceId: string | null;
      }[];
      total: number;
    };
    const query = async (search: string) => {
      const response = await app.inject({ url: `/api/probes/runs/${last}/observations?${search}`, headers: viewer });
      expect(response.statusCode).toBe(200);
      return response.json<Page>();
    };
    const all = await query('');
    expect(all.total).toBeGreaterThanOrEqual(2);
    const inconclusive = await query('result=inconclusive');
    // No list of expected ports: the open port is reported but not judged, with its reason as a code.
    expect(inconclusive.observations).toEqual([
      expect.objectContaining({
        check: 'ports',
        port: openPort,
        reason: 'open; no list of expected ports was given to judge it',
        reasonCodes: [{ code: 'port_open_unjudged' }],
        deviceId: String(deviceId),
      }),
    ]);
    const scan = await query('item=jssec-v2:47&result=pass');
    expect(scan.observations.map((o) => [o.check, o.port])).toEqual([['ports', null]]);
    expect((await query('check=ssh')).total).toBe(0);
    expect((await query('result=fail')).total).toBe(0);
    expect(
      (await app.inject({ url: `/api/probes/runs/${last}/observations?result=bad`, headers: viewer })).statusCode,
    ).toBe(400);

    // The device's results: the latest observation per check and port, linked by its second address.
    const device = await app.inject({ url: `/api/inventory/devices/${deviceId}/probe-results`, headers: viewer });
    expect(device.statusCode).toBe(200);
    const deviceObservations = device.json<{ observations: { runId: string; port: number | null }[] }>().observations;
    expect(deviceObservations.filter((o) => o.port === openPort).map((o) => o.runId)).toEqual([last]);

    // Another organisation sees none of it.
    for (const url of [
      `/api/probes/runs/${last}`,
      `/api/probes/runs/${last}/targets`,
      `/api/probes/runs/${last}/observations`,
      `/api/probes/runs/${last}/diff`,
      `/api/probes/scopes/${scope.id}`,
      `/api/inventory/devices/${deviceId}/probe-results`,
    ])
      expect([url, (await app.inject({ url, headers: stranger })).statusCode]).toEqual([url, 404]);
  });
});
