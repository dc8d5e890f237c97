import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type AppConfig } from '../config/config';

/** One temp DATA_DIR per test process, so tests never write into the checkout's ./data. */
let defaultDataDir: string | undefined;

/** A valid config for tests: silent logs, port 0 (any free port), a temp DATA_DIR, overrides on top. */
export function createTestConfig(overrides: Record<string, string> = {}): AppConfig {
  defaultDataDir ??= mkdtempSync(join(tmpdir(), 'iotcheck-test-data-'));
  const result = parseConfig({ LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: defaultDataDir, ...overrides });
  if (!result.ok) throw new Error(`test config invalid: ${JSON.stringify(result.problems)}`);
  return result.config;
}
