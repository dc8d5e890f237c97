// npm run bench — each figure is printed beside a baseline measured in the same run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createSearchIndex } from '../src/core/catalog/search-catalog';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../src/integrations/catalog/load-catalog';
import { findFreePort, launchChromium } from '../test/e2e/browser';
import { measurePageLoad, type PageLoad } from './first-load';
import { measure, report } from './measure';
import { medianReadyMs, medianRunMs } from './process-start';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

console.log(`iotcheck bench — node ${process.version}\n`);

// 1. Catalog start-up: read + parse + validate + assemble, against reading and parsing alone.
const files = yamlFiles(DEFAULT_CATALOG_DIR);
const loadMs = measure(() => loadCatalog());
const parseOnlyMs = measure(() => files.map((file) => parse(readFileSync(file, 'utf8'))));
report('catalog load (validate+assemble)', loadMs, 'baseline: read + YAML parse only', parseOnlyMs);

// 2. Search: the folded-text index against a naive scan of lower-cased raw texts.
const catalog = loadCatalog();
const index = createSearchIndex(catalog);
const raw = [...catalog.nodes.values()].map((node) => ({ node, text: JSON.stringify(node).toLowerCase() }));
const queries = ['パスワード', 'password', 'ID.AM', 'telnet', 'ログ 保管', 'firmware update'];
const searchMs = measure(() => queries.forEach((query) => index.search(query)));
const naiveMs = measure(() =>
  queries.forEach((query) => {
    const terms = query.toLowerCase().split(' ');
    raw.filter((entry) => terms.every((term) => entry.text.includes(term)));
  }),
);
report(`search × ${queries.length} queries`, searchMs, 'baseline: naive JSON substring scan', naiveMs);
const buildMs = measure(() => createSearchIndex(catalog));
report('search index build', buildMs, 'baseline: catalog load', loadMs);

// 4. Process start, as users run it (bin/iotcheck.js → the compiled dist/server/), against node itself.
if (!existsSync('dist/web/index.html')) {
  console.error('\nThe start-up and first-load figures need the build: run `npm run build` first.');
  process.exit(1);
}
const nodeMs = medianRunMs(['-e', '0']);
report('iotcheck --version', medianRunMs(['bin/iotcheck.js', '--version']), 'baseline: node -e 0', nodeMs);
report(
  'iotcheck catalog show jssec-v2:25',
  medianRunMs(['bin/iotcheck.js', 'catalog', 'show', 'jssec-v2:25']),
  'baseline: node -e 0',
  nodeMs,
);
const httpHelloMs = await medianReadyMs(
  (port) => ['-e', `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`],
  '/',
);
const serverReadyMs = await medianReadyMs(() => ['bin/iotcheck.js', 'serve'], '/api/health');
report('server ready (spawn → /api/health)', serverReadyMs, 'baseline: node http hello ready', httpHelloMs);

// 5. First load of the home page in Chromium with an empty cache, against the bytes before
// compression and against the first paint of a page with no script or font (the JSON of /api/health).
const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-bench-'));
const port = await findFreePort();
const server = spawn(process.execPath, ['bin/iotcheck.js', 'serve'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: 'ignore',
});
const browser = await launchChromium();
try {
  const base = `http://127.0.0.1:${port}`;
  for (
    let tries = 0;
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    tries += 1
  ) {
    if (tries > 3000) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const loads: PageLoad[] = [];
  const floors: PageLoad[] = [];
  for (let run = 0; run <= 3; run += 1) {
    const load = await measurePageLoad(browser, `${base}/`);
    const floor = await measurePageLoad(browser, `${base}/api/health`);
    if (run === 0) continue; // warm-up: the server's own first requests
    loads.push(load);
    floors.push(floor);
  }
  const middle = <T>(values: T[], key: (value: T) => number): T =>
    [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)] as T;
  const load = middle(loads, (value) => value.firstContentfulPaintMs);
  const floor = middle(floors, (value) => value.firstContentfulPaintMs);
  report(
    `home page, first load (${load.requests} requests)`,
    load.transferredBytes / 1024,
    'baseline: same files uncompressed',
    load.uncompressedBytes / 1024,
    'KiB',
  );
  report(
    'home page, first contentful paint',
    load.firstContentfulPaintMs,
    'baseline: FCP of /api/health',
    floor.firstContentfulPaintMs,
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

// 6. The management report PDF (issue 12): full generation beside the same document without charts.
await import('./reports/pdf-bench');

// 7. The device inventory at scale (issue 11): import, list, facets and search (BENCH_DEVICES, default 1,000,000).
await import('./inventory/import-bench');

// 8. Vulnerability matching at scale (issue 13): full match and re-match beside a naive nested loop (BENCH_DEVICES).
await import('./vulnerabilities/match-bench');
