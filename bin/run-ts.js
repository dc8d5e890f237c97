#!/usr/bin/env node
// Runs one TypeScript file (bench, scripts) through tsx: `node bin/run-ts.js bench/run.ts`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
register();
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(file)).href);
