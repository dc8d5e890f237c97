import { afterAll, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';

describeEachDialect('iotcheck probe', (database) => {
  const cli = createCliRunner(database, 'probe-cli');
  const { run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';

  it('declares and lists scopes, plans a run, and refuses outside targets and bad ports', async () => {
    const org = firstField((await run(['org', 'create', '--name', '検査工場'])).out);
    await seedLinkedDevice(database(), org, { fields: { assetTag: 'PLC-7', ipAddresses: ['127.0.44.3'] } });

    expect((await run(['probe', 'scope', 'list', '--org', org])).out).toBe('No probe scopes.');
    const created = await run([
      'probe',
      'scope',
      'create',
      '--org',
      org,
      '--name',
      'Line 1',
      '--targets',
      '127.0.44.0/30',
      '--expected-ports',
      '80,443',
      '--rate',
      '20',
      '--concurrency',
      '4',
    ]);
    expect(created.code).toBe(0);
    const [scopeId, name, size] = created.out.split('\t');
    expect([name, size]).toEqual(['Line 1', '4 address(es)']);
    const listed = await run(['probe', 'scope', 'list', '--org', org, '--json']);
    expect(JSON.parse(listed.out)).toMatchObject({
      scopes: [
        { id: scopeId, name: 'Line 1', expectedPorts: [80, 443], allowCredentials: false, rate: 20, concurrency: 4 },
      ],
    });
    const tooFast = await run(
      ['probe', 'scope', 'create', '--org', org, '--name', 'Fast', '--targets', '127.0.44.9'].concat([
        '--rate',
        '50000',
      ]),
    );
    expect(tooFast.code).toBe(65);
    expect(tooFast.err).toContain('rate');
    const notNumber = await run(
      ['probe', 'scope', 'create', '--org', org, '--name', 'Fast', '--targets', '127.0.44.9'].concat([
        '--concurrency',
        'many',
      ]),
    );
    expect(notNumber.err).toContain('--concurrency');
    expect(JSON.parse((await run(['probe', 'scope', 'list', '--org', org, '--json'])).out).scopes).toHaveLength(1);
    expect((await run(['probe', 'scope', 'list', '--org', org], 'ja')).out).toContain('4アドレス');

    const plan = await run([
      'probe',
      'run',
      '--org',
      org,
      '--scope',
      scopeId!,
      '--targets',
      '127.0.44.3',
      '--ports',
      '80,443',
      '--checks',
      'ports',
      '--dry-run',
      '--json',
    ]);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.out)).toMatchObject({
      run: null,
      job: null,
      plan: { targets: [{ address: '127.0.44.3', assetTag: 'PLC-7' }], ports: [80, 443], connections: 2 },
    });
    const text = await run(['probe', 'run', '--org', org, '--scope', scopeId!, '--ports', '80', '--dry-run']);
    expect(text.out.split('\n')[0]).toBe('4 target(s) × 1 port(s) = 4 connection(s)');
    expect(text.out).toContain('127.0.44.3\tPLC-7');

    const outside = await run([
      'probe',
      'run',
      '--org',
      org,
      '--scope',
      scopeId!,
      '--targets',
      '127.0.45.1',
      '--dry-run',
    ]);
    expect(outside.code).not.toBe(0);
    expect(outside.err).toContain('VALIDATION_FAILED');
    expect(outside.err).toContain('127.0.45.1');

    const badPorts = await run(['probe', 'run', '--org', org, '--scope', scopeId!, '--ports', '80,70000', '--dry-run']);
    expect(badPorts.code).not.toBe(0);
    expect(badPorts.err).toContain('--ports');
    expect(badPorts.err).toContain('70000');

    const jobs = await database().db.selectFrom('job').select('id').execute();
    expect(jobs).toEqual([]);
  });
});
