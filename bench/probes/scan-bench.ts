// The probe's TCP port scan beside `nmap -sT -T4` on the same loopback hosts and ports, in the
// same run: both must see the same open ports; the time ratio is printed (goal ≤ 1.5×).
// Alone: node bin/run-ts.js bench/probes/scan-bench.ts   (BENCH_PROBE_HOSTS, default 32)
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { DEFAULT_PORTS, planTargets } from '../../src/core/probes/plan';
import { defineScope } from '../../src/core/probes/scope';
import { runProbe } from '../../src/integrations/probes/run-probe';
import { report } from '../measure';

const NMAP = '/usr/bin/nmap';
const hosts = Number(process.env['BENCH_PROBE_HOSTS'] ?? 32);
const addresses = Array.from({ length: hosts }, (_, index) => `127.0.10.${index + 1}`);
const ports = [...DEFAULT_PORTS];
// Each host opens three of the ports, varying from host to host.
const listening = addresses.map((address, index) => ({
  address,
  ports: [0, 5, 9].map((offset) => ports[(index + offset) % ports.length] ?? 22),
}));
const key = (address: string, port: number): string => `${address}:${port}`;

async function startListeners(): Promise<() => void> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const net = require('net');
       const spec = ${JSON.stringify(listening)};
       let pending = spec.reduce((sum, host) => sum + host.ports.length, 0);
       for (const host of spec) for (const port of host.ports) {
         net.createServer((socket) => socket.destroy()).listen(port, host.address, () => { if (--pending === 0) console.log('ready'); });
       }`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the listeners exited with ${code}`)));
  });
  return () => child.kill('SIGKILL');
}

async function ourScan(): Promise<{ ms: number; open: Set<string> }> {
  const scope = defineScope({ targets: `127.0.10.1-127.0.10.${hosts}` });
  const plan = planTargets(scope, { ports, checks: ['ports'] });
  const started = performance.now();
  const result = await runProbe(plan, {
    rate: { connectionsPerSecond: 20_000, maxConcurrency: 1024 },
    connectTimeoutMs: 1500,
  });
  const ms = performance.now() - started;
  return {
    ms,
    open: new Set(result.targets.flatMap((target) => target.openPorts.map((port) => key(target.address, port)))),
  };
}

async function nmapScan(): Promise<{ ms: number; open: Set<string> }> {
  const args = ['-sT', '-T4', '-n', '-Pn', '-p', ports.join(','), '-oX', '-', `127.0.10.1-${hosts}`];
  const started = performance.now();
  const { stdout } = await promisify(execFile)(NMAP, args, { maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const open = new Set<string>();
  for (const host of stdout.split('<host ').slice(1)) {
    const address = /<address addr="([^"]+)"/.exec(host)?.[1] ?? '';
    for (const match of host.matchAll(/<port protocol="tcp" portid="(\d+)"><state state="open"/g))
      open.add(key(address, Number(match[1])));
  }
  return { ms, open };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

if (!existsSync(NMAP)) {
  console.log('probe port scan: skipped, nmap is not installed (apt-get install nmap)');
} else {
  const stop = await startListeners();
  try {
    const expected = new Set(listening.flatMap((host) => host.ports.map((port) => key(host.address, port))));
    const ours: number[] = [];
    const theirs: number[] = [];
    const mismatches: string[] = [];
    for (let run = 0; run < 6; run += 1) {
      const a = await ourScan();
      const b = await nmapScan();
      const diff = (x: Set<string>, y: Set<string>): string[] => [...x].filter((item) => !y.has(item));
      for (const [name, seen] of [
        ['iotcheck', a.open],
        ['nmap', b.open],
      ] as const) {
        const missing = diff(expected, seen);
        const extra = diff(seen, expected);
        if (missing.length + extra.length > 0)
          mismatches.push(`${name} run ${run}: missing ${missing.join(' ') || '-'}; extra ${extra.join(' ') || '-'}`);
      }
      if (run === 0) continue; // warm-up
      ours.push(a.ms);
      theirs.push(b.ms);
    }
    report(`probe port scan ${hosts}×${ports.length}`, median(ours), 'baseline: nmap -sT -T4 -n -Pn', median(theirs));
    if (mismatches.length > 0) {
      console.log(`FAIL probe port scan: open ports differ from the listeners:\n  ${mismatches.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log(`probe port scan: the same ${expected.size} open ports as nmap (goal: ratio ≤ 1.5×)`);
  } finally {
    stop();
  }
}
