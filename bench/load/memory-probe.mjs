// Preloaded into each benchmarked server (node --expose-gc --import …): on SIGUSR2 it runs two
// full garbage collections and writes process.memoryUsage() as JSON to IOTCHECK_MEMORY_PROBE_FILE.
// Comparing the collected heap after warm-up and at the end tells a leak (live objects keep
// growing) apart from RSS the allocator and V8 keep for reuse (heap flat, RSS up). Bench only.
// With IOTCHECK_MEMORY_SAMPLE_FILE it also appends one process.memoryUsage() line (no collection)
// every IOTCHECK_MEMORY_SAMPLE_MS, so the bench can say which part of RSS grew under load.
import { appendFileSync, writeFileSync } from 'node:fs';

const file = process.env['IOTCHECK_MEMORY_PROBE_FILE'];
if (file && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    global.gc();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}

const sampleFile = process.env['IOTCHECK_MEMORY_SAMPLE_FILE'];
if (sampleFile) {
  const every = Number(process.env['IOTCHECK_MEMORY_SAMPLE_MS'] ?? 10_000);
  setInterval(
    () => appendFileSync(sampleFile, `${JSON.stringify({ at: Date.now(), ...process.memoryUsage() })}\n`),
    every,
  ).unref();
}
