import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../core/probes/observation';
import { planTargets } from '../../core/probes/plan';
import type { ProbeResult } from '../../core/probes/probe-result';
import { defineScope } from '../../core/probes/scope';
import {
  DAEMON_ADDRESSES,
  daemonsMissing,
  SSH_USER,
  startProbeDaemons,
  type ProbeDaemons,
} from '../../testing/probe-daemons';
import { runProbe } from './run-probe';

const missing = daemonsMissing();
if (missing) console.warn(`probe daemon tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('probes against real daemons on 127.0.40.x', () => {
  let daemons: ProbeDaemons | undefined;
  let result: ProbeResult;

  beforeAll(async () => {
    daemons = await startProbeDaemons();
    const scope = defineScope({ targets: '127.0.40.1-127.0.40.5', allowCredentials: true });
    const plan = planTargets(scope);
    result = await runProbe(plan, { rate: { connectionsPerSecond: 500, maxConcurrency: 16 }, serviceTimeoutMs: 5000 });
  }, 120_000);

  afterAll(async () => {
    await daemons?.stop();
  });

  const on = (address: string, check: Observation['check'], port: number): Observation | undefined =>
    result.targets
      .find((target) => target.address === address)
      ?.observations.find((o) => o.check === check && o.port === port);

  it('finds the open ports of each daemon and nothing else', () => {
    expect(result.targets.map((target) => [target.address, target.openPorts])).toEqual([
      [DAEMON_ADDRESSES.ssh, [22]],
      [DAEMON_ADDRESSES.telnet, [23]],
      [DAEMON_ADDRESSES.mqttAnonymous, [1883]],
      [DAEMON_ADDRESSES.mqttAuth, [1883, 8883]],
      [DAEMON_ADDRESSES.web, [80, 443]],
    ]);
    const scan = result.targets[0]?.observations.find((o) => o.check === 'ports' && o.port === null);
    expect(scan).toMatchObject({
      result: 'pass',
      items: ['jssec-v2:47'],
      detail: '14 TCP ports: open 22; closed 13; no answer 0',
    });
  });

  it('OpenSSH: version and algorithms read, the enabled CBC cipher fails item 32', () => {
    const ssh = on(DAEMON_ADDRESSES.ssh, 'ssh', 22);
    expect(ssh).toMatchObject({ result: 'fail', findings: ['ssh_weak_algorithms'], items: ['jssec-v2:32'] });
    expect(ssh?.reason).toContain('ciphers: aes128-cbc');
    expect(ssh?.detail).toMatch(/< SSH-2\.0-OpenSSH_\d/);
  });

  it('OpenSSH: the default password of the test account is found, and no password is stored', () => {
    const login = on(DAEMON_ADDRESSES.ssh, 'default-credentials', 22);
    expect(login).toMatchObject({
      result: 'fail',
      reason: `default credential accepted for user ${SSH_USER.user}`,
      items: ['jssec-v2:25', 'jssec-v2:26'],
    });
    expect(JSON.stringify(result)).not.toContain('xc3511'); // a password that was tried on the way
  });

  it('telnetd: Telnet open fails items 23 and 32, and admin/admin is accepted', () => {
    expect(on(DAEMON_ADDRESSES.telnet, 'telnet', 23)).toMatchObject({
      result: 'fail',
      findings: ['telnet_open'],
      items: ['jssec-v2:23', 'jssec-v2:32'],
    });
    expect(on(DAEMON_ADDRESSES.telnet, 'default-credentials', 23)).toMatchObject({
      result: 'fail',
      reason: 'default credential accepted for user admin',
    });
  });

  it('mosquitto: anonymous access fails item 26; with a password file it passes and no default works', () => {
    expect(on(DAEMON_ADDRESSES.mqttAnonymous, 'mqtt', 1883)).toMatchObject({
      result: 'fail',
      findings: ['mqtt_anonymous_accepted'],
      items: ['jssec-v2:26'],
    });
    expect(on(DAEMON_ADDRESSES.mqttAuth, 'mqtt', 1883)).toMatchObject({
      result: 'pass',
      findings: ['mqtt_authentication_required'],
    });
    expect(on(DAEMON_ADDRESSES.mqttAuth, 'mqtt', 8883)).toMatchObject({ result: 'pass' });
    expect(on(DAEMON_ADDRESSES.mqttAuth, 'default-credentials', 1883)).toMatchObject({
      result: 'pass',
      findings: ['default_credentials_refused'],
    });
    expect(on(DAEMON_ADDRESSES.mqttAuth, 'tls', 8883)).toMatchObject({
      result: 'fail',
      findings: expect.arrayContaining(['tls_self_signed']),
    });
  });

  it('nginx: Basic login in clear and admin/admin accepted; TLS 1.0 and the self-signed certificate fail item 32', () => {
    const http = on(DAEMON_ADDRESSES.web, 'http', 80);
    expect(http).toMatchObject({ result: 'fail', findings: ['http_server_identified', 'http_cleartext_login'] });
    expect(http?.detail).toContain('Server: nginx');
    expect(on(DAEMON_ADDRESSES.web, 'default-credentials', 80)).toMatchObject({
      result: 'fail',
      reason: 'default credential accepted for user admin',
    });
    const tls = on(DAEMON_ADDRESSES.web, 'tls', 443);
    expect(tls).toMatchObject({ result: 'fail', items: ['jssec-v2:32'] });
    expect(tls?.findings).toEqual(expect.arrayContaining(['tls_old_version', 'tls_self_signed']));
    expect(tls?.detail).toContain('RSA 2048 bits');
    expect(on(DAEMON_ADDRESSES.web, 'http', 443)?.detail).toContain('title: IP Camera Login');
  });
});
