#!/usr/bin/env node
// Runs the compiled server and CLI in dist/server/ (`npm run build`). When that build is missing
// or older than the sources (a fresh clone, an edit since), compiles it first, once (about a
// second); if compiling is impossible, runs the TypeScript sources through tsx instead, saying so.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** True when dist/server/ was built from exactly the source files that are there now. */
function isBuildCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(`${root}dist/server/build-stamp.json`, 'utf8'));
  } catch {
    return false;
  }
  return Object.entries(stamp).every(([path, [mtimeMs, size]]) => {
    const stats = statSync(`${root}${path}`, { throwIfNoEntry: false });
    return stats !== undefined && stats.mtimeMs === mtimeMs && stats.size === size;
  });
}

let compiled = isBuildCurrent();
if (!compiled) {
  process.stderr.write('iotcheck: compiling src/ to dist/server/ …\n');
  try {
    const { buildServer } = await import('../scripts/build-server.js');
    await buildServer();
    compiled = true;
  } catch (error) {
    process.stderr.write(`iotcheck: cannot compile (${error.message}); running the sources through tsx (slower).\n`);
  }
}
if (compiled) {
  await import('../dist/server/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
