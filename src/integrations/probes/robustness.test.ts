import type { ObservationInput } from '../../core/probes/observation';
import { because, reasonText } from '../../core/probes/probe-reason';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/domain-error';
import { observe } from '../../core/probes/observation';
import { planTargets } from '../../core/probes/plan';
import { defineScope } from '../../core/probes/scope';
import { connectTcp } from './connect-tcp';
import { checkHttp } from './http-check';
import { checkMqtt } from './mqtt-check';
import { runProbe } from './run-probe';
import { checkSsh } from './ssh-check';
import { checkTelnet } from './telnet-check';
import { checkTls } from './tls-check';

// Tiny hostile servers on 127.0.30.x (loopback only), each on a free port.
const HOST = '127.0.30.1';
const servers: Server[] = [];
const sockets = new Set<Socket>();

async function listen(host: string, onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

let silentPort = 0; // accepts, never says a word, never closes (half-open from our side's view)
let garbagePort = 0; // answers anything with binary noise
let slowPort = 0; // trickles "SSH-2.0-" one byte every 700 ms
let floodPort = 0; // sends 8 MiB at once
let telnetPort = 0; // Telnet negotiation, then a login prompt
let closedPort = 0;
let stuck: ChildProcess | undefined;
let stuckPort = 0;

beforeAll(async () => {
  silentPort = await listen(HOST, () => undefined);
  garbagePort = await listen(HOST, (socket) => {
    socket.on('data', () =>
      socket.write(Buffer.from('\x00\xff\xfe garbage \x1b[2J\x07 ¿¿ not a protocol\r\n\r\n', 'latin1')),
    );
    socket.write(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x0a]));
  });
  slowPort = await listen(HOST, (socket) => {
    let index = 0;
    const text = 'SSH-2.0-slow\r\n';
    const timer = setInterval(() => {
      if (socket.destroyed || index >= text.length) return clearInterval(timer);
      socket.write(text[index++] ?? '');
    }, 700);
  });
  floodPort = await listen(HOST, (socket) => socket.write(Buffer.alloc(8 * 1024 * 1024, 0x41)));
  telnetPort = await listen(HOST, (socket) => {
    socket.write(Buffer.from([255, 251, 1, 255, 251, 3, 255, 253, 24, 255, 250, 24, 1, 255, 240]));
    socket.write('\r\nDebian GNU/Linux 12\r\ncamera login: ');
  });
  closedPort = await listen(HOST, () => undefined);
  await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));
  // A listener whose process never accepts (event loop blocked) and whose backlog is full: the
  // kernel drops further SYNs, which is what a firewall's DROP looks like to a client.
  stuck = spawn(
    process.execPath,
    [
      '-e',
      `const s = require('net').createServer().listen({ host: '127.0.30.2', port: 0, backlog: 1 }, () => {
         console.log(s.address().port);
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  stuckPort = await new Promise<number>((resolve) =>
    stuck?.stdout?.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
  );
  // Fill the accept queue (backlog + 1 connections complete; later SYNs are dropped).
  for (let i = 0; i < 4; i += 1) {
    const filler = connect(stuckPort, '127.0.30.2');
    filler.on('error', () => undefined);
    sockets.add(filler);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  stuck?.kill('SIGKILL');
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

const target = (port: number, timeoutMs = 800): { address: string; port: number; timeoutMs: number } => ({
  address: HOST,
  port,
  timeoutMs,
});

describe('TCP connect outcomes', () => {
  it('tells open, closed (RST) and filtered (no answer) apart, within the deadline', async () => {
    const open = await connectTcp(HOST, silentPort, { timeoutMs: 1000 });
    expect(open.state).toBe('open');
    if (open.state === 'open') open.socket.destroy();
    expect((await connectTcp(HOST, closedPort, { timeoutMs: 1000 })).state).toBe('closed');
    expect(await connectTcp('127.0.30.2', stuckPort, { timeoutMs: 600 })).toEqual({
      state: 'filtered',
      reason: because('no_answer_within', { ms: 600 }),
    });
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const pending = connectTcp('127.0.30.2', stuckPort, { timeoutMs: 30_000, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ state: 'aborted' });
  });
});

/** A check's answer with its reasons said in English, as terminals show them. */
const said = (input: ObservationInput) => ({
  ...input,
  reason: input.reason === undefined ? undefined : reasonText(input.reason),
});

describe('hostile servers give inconclusive with a reason, never a crash or a hang', () => {
  it('a silent (half-open) server', async () => {
    const [ssh, telnet, mqtt, http] = await Promise.all([
      checkSsh(target(silentPort)),
      checkTelnet(target(silentPort)),
      checkMqtt(target(silentPort), false),
      checkHttp(target(silentPort), false),
    ]);
    expect(said(ssh)).toMatchObject({ result: 'inconclusive', reason: 'no SSH identification (timeout)' });
    expect(said(telnet)).toMatchObject({
      result: 'inconclusive',
      reason: expect.stringContaining('did not negotiate Telnet'),
    });
    expect(said(mqtt)).toMatchObject({ result: 'inconclusive', reason: 'no CONNACK (timeout)' });
    expect(said(http)).toMatchObject({ result: 'inconclusive', reason: 'no HTTP answer (timeout)' });
  });

  it('garbage banners', async () => {
    const ssh = await checkSsh(target(garbagePort));
    expect(said(ssh)).toMatchObject({
      result: 'inconclusive',
      reason: expect.stringContaining('no SSH identification'),
    });
    const mqtt = await checkMqtt(target(garbagePort), false);
    expect(said(mqtt)).toMatchObject({ result: 'inconclusive', reason: 'no CONNACK (not an answer of this protocol)' });
    const http = await checkHttp(target(garbagePort), false);
    expect(said(http)).toMatchObject({ result: 'inconclusive', reason: expect.stringContaining('no HTTP answer') });
    // Control bytes never reach the stored detail raw.
    const stored = observe(HOST, http, new Date()).detail;
    expect(stored).not.toContain('\x1b');
    expect(stored).toContain('\\x1b[2J');
  });

  it('a slow server is cut at the deadline', async () => {
    const ssh = await checkSsh(target(slowPort, 1000));
    expect(said(ssh)).toMatchObject({ result: 'inconclusive', reason: 'no SSH identification (timeout)' });
  });

  it('a flood is bounded', async () => {
    const telnet = await checkTelnet(target(floodPort));
    expect(telnet.result).toBe('inconclusive');
    expect(new TextEncoder().encode(telnet.detail ?? '').length).toBeLessThan(4096);
  });

  it('TLS on a port that does not speak it', async () => {
    const tls = await checkTls(target(garbagePort));
    expect(said(tls)).toMatchObject({ result: 'inconclusive', reason: 'no TLS version completed a handshake' });
    expect(tls.detail).toContain('ClientHello TLSv1.3: refused (TLS handshake failed');
  });

  it('a Telnet service is recognised by its negotiation and fails items 23 and 32', async () => {
    const telnet = await checkTelnet(target(telnetPort));
    expect(said(telnet)).toMatchObject({
      result: 'fail',
      findings: ['telnet_open'],
      reason: 'Telnet login is offered (cleartext remote login)',
    });
    expect(telnet.detail).toContain('WILL 1, WILL 3, DO 24');
    expect(telnet.detail).toContain('camera login:');
  });
});

describe('runProbe', () => {
  it('reports filtered ports and unreachable hosts as inconclusive and finishes', async () => {
    const scope = defineScope({ targets: ['127.0.30.1-127.0.30.2'] });
    const plan = planTargets(scope, { ports: [silentPort, closedPort, stuckPort], checks: ['ports'] });
    const result = await runProbe(plan, {
      connectTimeoutMs: 500,
      rate: { connectionsPerSecond: 1000, maxConcurrency: 8 },
    });
    const [first, second] = result.targets;
    expect(first?.openPorts).toEqual([silentPort]);
    expect(first?.observations.find((o) => o.port === null)).toMatchObject({ result: 'pass', items: ['jssec-v2:47'] });
    expect(second?.openPorts).toEqual([]);
    expect(second?.observations.find((o) => o.port === stuckPort)).toMatchObject({
      result: 'inconclusive',
      findings: ['port_filtered'],
    });
  });

  it('is cancelled by its signal: no hang, a partial result marked cancelled', async () => {
    const scope = defineScope({ targets: [HOST] });
    const plan = planTargets(scope, { ports: [silentPort, telnetPort] });
    const controller = new AbortController();
    const running = runProbe(plan, {
      signal: controller.signal,
      serviceTimeoutMs: 60_000,
      services: { [silentPort]: 'ssh', [telnetPort]: 'telnet' },
      onProgress: (progress) => {
        if (progress.phase === 'scan' && progress.done === progress.total) setTimeout(() => controller.abort(), 100);
      },
    });
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.targets[0]?.openPorts).toEqual([silentPort, telnetPort].sort((a, b) => a - b));
  });
});

describe('out-of-scope refusal', () => {
  it('refuses the whole run and sends nothing to the outside target', async () => {
    let outsideConnections = 0;
    let insideConnections = 0;
    const port = await listen('127.0.31.1', (socket) => {
      insideConnections += 1;
      socket.destroy();
    });
    const outsideServer = createServer((socket) => {
      outsideConnections += 1;
      socket.destroy();
    });
    servers.push(outsideServer);
    await new Promise<void>((resolve) => outsideServer.listen(port, '127.0.31.2', resolve));

    const scope = defineScope({ targets: ['127.0.31.1'] });
    let refused: unknown;
    try {
      const plan = planTargets(scope, { subset: ['127.0.31.1', '127.0.31.2'], ports: [port] });
      await runProbe(plan);
    } catch (error) {
      refused = error;
    }
    expect(isDomainError(refused) && refused.extensions['outside']).toEqual(['127.0.31.2']);
    expect(insideConnections).toBe(0);

    await runProbe(planTargets(scope, { ports: [port], checks: ['ports'] }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(insideConnections).toBe(1);
    expect(outsideConnections).toBe(0);
  });
});
