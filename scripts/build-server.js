#!/usr/bin/env node
// Compiles the server and CLI (src/main.ts and everything it imports) to JavaScript in
// dist/server/, so `iotcheck` and `npm start` run without compiling TypeScript at every start.
// npm packages are bundled in as well, but for native addons and packages that read their own
// files; each dynamic import() becomes its own chunk, so a command loads only the code it uses.
// build-stamp.json records every source file with its mtime and size: bin/iotcheck.js compares
// them to tell whether the build is current.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT_DIR = join(ROOT, 'dist/server');
const EXTERNAL_PACKAGES = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg-native',
  '@fastify/swagger-ui',
  '@fastify/static',
  'esbuild',
  'tsx',
  // pdfkit's fontkit reads its Unicode tables (data.trie …) from beside its own files.
  'pdfmake',
  // The CycloneDX library reads its JSON schemas from its own res/ folder and loads Ajv lazily.
  '@cyclonedx/cyclonedx-library',
  // The CSAF validator's test modules read their own package.json at load time.
  '@secvisogram/csaf-validator-lib',
  // ssh2 (the probes' SSH check) requires its optional native addons (cpu-features) inside try/catch.
  'ssh2',
];

/** Builds dist/server/ afresh and swaps it in whole, so a concurrent run never sees half a build. */
export async function buildServer() {
  const staging = join(ROOT, `dist/server.${randomUUID()}`);
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/main.ts'],
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // npm packages are bundled too (one file read instead of hundreds at each start), except
      // native addons and packages that read their own files at run time.
      external: EXTERNAL_PACKAGES,
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      // Less source to read and parse at each start; names stay, so stack traces stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
    });
    // Bundled npm packages are stood for by npm's record of the installed tree, which every
    // install rewrites: stat-ing their ~1,500 files at every start would cost more than it tells.
    const sources = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
    const inputs = [...sources, 'scripts/build-server.js', 'node_modules/.package-lock.json'].sort();
    const stamp = Object.fromEntries(
      inputs.map((path) => {
        const stats = statSync(join(ROOT, path));
        return [path, [stats.mtimeMs, stats.size]];
      }),
    );
    writeFileSync(join(staging, 'build-stamp.json'), JSON.stringify(stamp));
    swapIn(staging);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function swapIn(staging) {
  for (let attempt = 1; ; attempt += 1) {
    const previous = join(ROOT, `dist/server.old.${randomUUID()}`);
    try {
      renameSync(OUT_DIR, previous);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      renameSync(staging, OUT_DIR);
      return;
    } catch (error) {
      // Another build put its dist/server/ in place between the two renames: go round again.
      if (attempt >= 3 || (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST')) throw error;
    } finally {
      rmSync(previous, { recursive: true, force: true });
    }
  }
}

/**
 * Validates the shipped catalog once with the new build, which leaves the validated catalog in
 * dist/server/catalog-snapshot.json for every later start (a broken catalog fails the build here).
 */
export function writeCatalogSnapshot() {
  const result = spawnSync(process.execPath, [join(OUT_DIR, 'main.js'), 'catalog', 'list'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`the catalog did not load (exit ${result.status})`);
}

// `node scripts/build-server.js` (npm run build): compile, then snapshot the catalog.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer();
  writeCatalogSnapshot();
}
