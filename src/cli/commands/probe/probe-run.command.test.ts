import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { userInfo } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { probeEvidence } from '../../../services/probes/probe-evidence';
import { daemonAddresses, daemonsMissing, startProbeDaemons, type ProbeDaemons } from '../../../testing/probe-daemons';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';

// Own addresses, and no SSH test account: src/integrations/probes/daemons.test.ts may run at the same time.
const DAEMONS = daemonAddresses('127.0.60');
const missing = daemonsMissing();
if (missing) console.warn(`probe run CLI tests against real daemons skipped: ${missing}`);
let daemons: ProbeDaemons | undefined;

/** A listener that counts connections; it never answers (a hung service) unless given a `greeting` to say and hang up. */
function listener(address: string, port: number, greeting?: string) {
  const server: Server = createServer((socket) => {
    connections.count += 1;
    socket.on('error', () => undefined);
    if (greeting !== undefined) socket.end(greeting);
  });
  const connections = { count: 0, server, address, port };
  return connections;
}
const OUTSIDE = listener('127.0.61.9', 8080);
const SILENT = listener('127.0.61.1', 2323);
// Not Telnet: no options, no login prompt. Needs no daemon, so the translated table is tested everywhere.
const NOT_TELNET = listener('127.0.61.2', 2323, 'hello\r\n');

beforeAll(async () => {
  for (const { server, address, port } of [OUTSIDE, SILENT, NOT_TELNET])
    await new Promise<void>((resolve) => server.listen(port, address, resolve));
  if (!missing) daemons = await startProbeDaemons({ addresses: DAEMONS, sshAccount: false });
}, 120_000);
afterAll(async () => {
  await daemons?.stop();
  await Promise.all([OUTSIDE, SILENT, NOT_TELNET].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

interface PrintedObservation {
  check: string;
  result: string;
  port: number | null;
  detail: string;
  items: string[];
}
interface Printed {
  targets: { address: string; openPorts: number[]; observations: PrintedObservation[] }[];
}

describeEachDialect('iotcheck probe run', (database) => {
  const cli = createCliRunner(database, 'probe-run-cli');
  const { run } = cli;
  afterAll(() => cli.cleanUp());
  const operator = `cli:${userInfo().username || 'operator'}`;
  const firstField = (line: string) => line.split('\t')[0] ?? '';
  /** The arguments of `iotcheck probe run` in one scope of one organisation, then `extra`. */
  const probeRun = (org: string, scopeId: string, ...extra: string[]) => [
    'probe',
    'run',
    '--org',
    org,
    '--scope',
    scopeId,
    ...extra,
  ];
  const newScope = async (targets: string, ...extra: string[]) => {
    const org = firstField((await run(['org', 'create', '--name', 'Plant'])).out);
    const created = await run([
      'probe',
      'scope',
      'create',
      '--org',
      org,
      '--name',
      'Line',
      '--targets',
      targets,
      ...extra,
    ]);
    expect(created.code).toBe(0);
    return { org, scopeId: firstField(created.out) };
  };
  const auditOf = (organisationId: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('organisation_id', '=', organisationId)
      .where('action', 'like', 'probe_run.%')
      .execute();

  it.skipIf(missing !== undefined)(
    'runs a real probe here against sshd, telnetd, mosquitto and nginx and prints the JSON result',
    async () => {
      const { org, scopeId } = await newScope(`${DAEMONS.ssh}-${DAEMONS.web}`);
      const organisationId = org;
      const deviceId = await seedLinkedDevice(database(), organisationId, {
        fields: { assetTag: 'CAM-2', ipAddresses: [DAEMONS.telnet] },
      });
      const done = await run(
        probeRun(
          org,
          scopeId,
          '--ports',
          '22,23,80,443,1883,8883',
          '--checks',
          'ports,telnet,ssh,tls,mqtt,http',
          '--json',
        ),
      );
      expect(done.err).toMatch(/^Probe run [0-9a-f-]{36}: 5 target\(s\), 30 connection\(s\)\. Ctrl-C cancels it\./);
      expect(done.err).toContain('Probing… 100%');
      expect(done.err).toContain('finished: 5 target(s), 7 open port(s)');
      expect(done.code).toBe(0);
      const printed = JSON.parse(done.out) as Printed;
      expect(printed.targets.map((target) => [target.address, target.openPorts])).toEqual([
        [DAEMONS.ssh, [22]],
        [DAEMONS.telnet, [23]],
        [DAEMONS.mqttAnonymous, [1883]],
        [DAEMONS.mqttAuth, [1883, 8883]],
        [DAEMONS.web, [80, 443]],
      ]);
      const on = (address: string, check: string, port: number) =>
        printed.targets
          .find((t) => t.address === address)
          ?.observations.find((o) => o.check === check && o.port === port);
      expect(Object.keys(on(DAEMONS.telnet, 'telnet', 23) ?? {}).sort()).toEqual([
        'check',
        'detail',
        'items',
        'port',
        'result',
      ]);
      expect(on(DAEMONS.telnet, 'telnet', 23)).toMatchObject({
        result: 'fail',
        items: ['jssec-v2:23', 'jssec-v2:32'],
      });
      expect(on(DAEMONS.ssh, 'ssh', 22)).toMatchObject({ result: 'fail', items: ['jssec-v2:32'] });
      expect(on(DAEMONS.ssh, 'ssh', 22)?.detail).toMatch(/< SSH-2\.0-OpenSSH_\d/);
      expect(on(DAEMONS.mqttAnonymous, 'mqtt', 1883)).toMatchObject({ result: 'fail', items: ['jssec-v2:26'] });
      expect(on(DAEMONS.mqttAuth, 'mqtt', 1883)).toMatchObject({ result: 'pass' });
      expect(on(DAEMONS.web, 'tls', 443)).toMatchObject({ result: 'fail', items: ['jssec-v2:32'] });
      expect(on(DAEMONS.web, 'http', 80)?.detail).toContain('Server: nginx');

      // Stored as a run from the API would be: the run, its job (claimed here, succeeded, with its
      // file), every observation linked to the inventory device at its address, audited as the operator.
      const runRow = await database()
        .db.selectFrom('probe_run')
        .innerJoin('job', 'job.id', 'probe_run.job_id')
        .select([
          'probe_run.id',
          'stored',
          'cancelled',
          'open_port_count',
          'job.status',
          'job.locked_by',
          'job.result_name',
        ])
        .where('probe_run.organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow();
      expect(runRow).toMatchObject({
        stored: 1,
        cancelled: 0,
        open_port_count: 7,
        status: 'succeeded',
        locked_by: null,
      });
      expect(runRow.result_name).toBe(`probe-run-${runRow.id}.json`);
      const stored = await database()
        .db.selectFrom('probe_observation')
        .select(['address', 'check_name', 'device_id'])
        .where('run_id', '=', runRow.id)
        .execute();
      expect(stored).toHaveLength(printed.targets.reduce((sum, t) => sum + t.observations.length, 0));
      expect(
        new Set(stored.filter((row) => row.address === DAEMONS.telnet).map((row) => String(row.device_id))),
      ).toEqual(new Set([deviceId]));
      expect(await auditOf(organisationId)).toEqual([{ action: 'probe_run.requested', actor_label: operator }]);
      // …so the device's open Telnet is machine evidence against items 23 and 32 of its assessments.
      const evidence = await probeEvidence(database(), organisationId, [deviceId]);
      expect(evidence['jssec-v2:23']?.[0]).toMatchObject({
        count: 1,
        total: 1,
        concern: true,
        probe: { runId: runRow.id },
      });
    },
    120_000,
  );

  it.skipIf(missing !== undefined)(
    'prints a readable table in Japanese, reasons too, and an intrusive run is audited as the operator',
    async () => {
      const { org, scopeId } = await newScope(DAEMONS.telnet, '--allow-credentials');
      const organisationId = org;
      const done = await run(
        probeRun(org, scopeId, '--ports', '23', '--checks', 'ports,telnet,default-credentials'),
        'ja',
      );
      expect(done.code).toBe(0);
      expect(done.err).toContain('検査中… 100%');
      const lines = done.out.split('\n');
      expect(lines[0]).toBe(`${DAEMONS.telnet}\t開いているポート: 23`);
      expect(lines[1]).toBe('アドレス\tポート\t検査\t結果\t項目\t理由');
      expect(lines).toContain(
        `${DAEMONS.telnet}\t23\tdefault-credentials\t不合格\t25,26\tユーザーadminの初期パスワードでログインできました`,
      );
      expect(lines.some((line) => line.startsWith(`${DAEMONS.telnet}\t23\ttelnet\t不合格\t23,32\t`))).toBe(true);
      expect(done.out).not.toMatch(/password|admin\/admin/i);
      // Asked for (with its intrusive note, in one transaction) and started: all three name the operator.
      const audit = await auditOf(organisationId);
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        'probe_run.intrusive',
        'probe_run.intrusive',
        'probe_run.requested',
      ]);
      expect(new Set(audit.map((entry) => entry.actor_label))).toEqual(new Set([operator]));
    },
    120_000,
  );

  it('says the reasons in the table in the language of the terminal', async () => {
    const { org, scopeId } = await newScope('127.0.61.0/29');
    const args = probeRun(org, scopeId, '--targets', NOT_TELNET.address, '--ports', '2323', '--checks', 'ports,telnet');
    const row = async (language: 'ja' | 'en') => {
      const done = await run(args, language);
      expect(done.code).toBe(0);
      return done.out.split('\n').find((line) => line.startsWith(`${NOT_TELNET.address}\t2323\ttelnet\t`));
    };
    expect(await row('ja')).toBe(
      `${NOT_TELNET.address}\t2323\ttelnet\t判定不能\t-\tポートは開いていますが、Telnetのオプション交渉もログインプロンプトもありません`,
    );
    expect(await row('en')).toBe(
      `${NOT_TELNET.address}\t2323\ttelnet\tinconclusive\t-\tthe port is open but did not negotiate Telnet options nor show a login prompt`,
    );
  });

  it('refuses a target outside the scope before anything is stored or sent: no connection reaches it', async () => {
    const { org, scopeId } = await newScope('127.0.61.0/29');
    const before = OUTSIDE.count;
    const refused = await run(probeRun(org, scopeId, '--targets', OUTSIDE.address, '--ports', String(OUTSIDE.port)));
    expect(refused.code).toBe(65);
    expect(refused.err).toContain('VALIDATION_FAILED');
    expect(refused.err).toContain(OUTSIDE.address);
    expect(refused.err).not.toContain('Probe run');
    // A run that went ahead would have connected to it before exiting; wait a little for stragglers anyway.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(OUTSIDE.count).toBe(before);
    expect(await database().db.selectFrom('probe_run').select('id').where('scope_id', '=', scopeId).execute()).toEqual(
      [],
    );
  });

  it('Ctrl-C in a real process cancels the run: stored marked cancelled, the job cancelled, exit 130', async () => {
    const { org, scopeId } = await newScope('127.0.61.0/29');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main.ts',
        ...probeRun(
          org,
          scopeId,
          '--targets',
          SILENT.address,
          '--ports',
          String(SILENT.port),
          '--checks',
          'ports,telnet',
        ),
      ],
      {
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: database().url, DATA_DIR: cli.dir, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The scan is half the progress; the Telnet check then waits for a banner that never comes.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += String(chunk);
        if (stderr.includes('Probing… 50%')) resolve();
      });
      void exited.then(() => reject(new Error(`exited before the scan ended: ${stderr}`)));
    });
    // The connection may be taken after the child's 50% reached us: wait for it rather than race it.
    await expect.poll(() => SILENT.count).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('Cancelling the probe run…');
    expect(stderr).toMatch(/Probe run [0-9a-f-]{36} was cancelled/);
    expect(stdout).toBe('');
    const stored = await database()
      .db.selectFrom('probe_run')
      .innerJoin('job', 'job.id', 'probe_run.job_id')
      .select(['probe_run.id', 'stored', 'cancelled', 'open_port_count', 'job.status', 'job.locked_by'])
      .where('scope_id', '=', scopeId)
      .execute();
    expect(stored).toEqual([
      expect.objectContaining({ stored: 1, cancelled: 1, open_port_count: 1, status: 'cancelled', locked_by: null }),
    ]);
    const checks = await database()
      .db.selectFrom('probe_observation')
      .select('check_name')
      .where('run_id', '=', stored[0]!.id)
      .execute();
    expect(checks.map((row) => row.check_name)).not.toContain('telnet');
  }, 60_000);
});
