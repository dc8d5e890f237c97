import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTargets } from '../../core/probes/plan';
import { defineScope } from '../../core/probes/scope';
import { runProbe, type ProbeProgress } from './run-probe';

const HOST = '127.0.32.1';
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const portObservation = async (vantage: 'inside' | 'outside', expectedPorts?: number[]) => {
  const plan = planTargets(defineScope({ targets: HOST, vantage }), {
    ports: [port],
    checks: ['ports'],
    ...(expectedPorts ? { expectedPorts } : {}),
  });
  const result = await runProbe(plan);
  return result.targets[0]?.observations.find((observation) => observation.port === port);
};

describe('runProbe port judgement', () => {
  it('judges an open port against the expected ports (item 23)', async () => {
    expect(await portObservation('inside', [port])).toMatchObject({ result: 'pass', findings: ['port_open'] });
    expect(await portObservation('inside', [1])).toMatchObject({
      result: 'fail',
      findings: ['port_unexpected'],
      items: ['jssec-v2:23'],
    });
    expect(await portObservation('inside')).toMatchObject({
      result: 'inconclusive',
      reason: 'open; no list of expected ports was given to judge it',
    });
  });

  it('from an outside vantage point, a reachable service fails item 24', async () => {
    expect(await portObservation('outside')).toMatchObject({
      result: 'fail',
      findings: ['reachable_from_outside'],
      items: ['jssec-v2:24'],
    });
  });

  it('reports progress up to the planned number of connections', async () => {
    const progress: ProbeProgress[] = [];
    const plan = planTargets(defineScope({ targets: '127.0.32.1-127.0.32.2' }), {
      ports: [port, 1],
      checks: ['ports'],
    });
    await runProbe(plan, { onProgress: (step) => progress.push(step) });
    expect(progress.at(-1)).toEqual({ phase: 'scan', done: 4, total: plan.connections });
  });
});
