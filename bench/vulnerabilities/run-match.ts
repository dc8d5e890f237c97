// One match run in a process of its own, so its peak RSS is the run's: `node bin/run-ts.js
// bench/vulnerabilities/run-match.ts <database-config-json> <organisation-id>`; prints JSON
// (time, CPU time, peak RSS, the run's result and its time per phase). CPU time tells a slow run
// from a busy machine: on a shared machine the wall time grows with the load, the CPU time barely.
import { performance } from 'node:perf_hooks';
import { userActor } from '../../src/core/auth/actor';
import type { DatabaseConfig } from '../../src/config/config';
import { connectDatabase } from '../../src/db/connect';
import { matchOrganisation } from '../../src/services/vulnerabilities/match/match-organisation';
import type { MatchPhaseTimes } from '../../src/services/vulnerabilities/match/match-phases';

const config = JSON.parse(process.argv[2]!) as DatabaseConfig;
const organisationId = process.argv[3]!;
const database = connectDatabase(config);
const actor = userActor({
  userId: 'bench',
  email: 'bench@example.invalid',
  organisationId,
  role: 'owner',
  via: 'cli',
  mustChangePassword: false,
});
let phases: MatchPhaseTimes | undefined;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await matchOrganisation(
  { database, clock: () => new Date() },
  {
    actor,
    onPhases: (times) => {
      phases = times;
    },
  },
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
await database.close();
console.log(JSON.stringify({ ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024, result, phases }));
