// Preloaded into each benchmarked server (node --expose-gc --import …): on SIGUSR2 it runs two
// full garbage collections and writes process.memoryUsage() as JSON to IOTCHECK_MEMORY_PROBE_FILE.
// Comparing the collected heap after warm-up and at the end tells a leak (live objects keep
// growing) apart from RSS the allocator and V8 keep for reuse (heap flat, RSS up). Bench only.
import { writeFileSync } from 'node:fs';

const file = process.env['IOTCHECK_MEMORY_PROBE_FILE'];
if (file && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    global.gc();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
