// npm run bench — each figure is printed beside a baseline measured in the same run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createSearchIndex } from '../src/core/catalog/search-catalog';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../src/integrations/catalog/load-catalog';
import { measure, report } from './measure';

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
