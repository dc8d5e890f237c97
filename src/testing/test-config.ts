import { parseConfig, type AppConfig } from '../config/config';

/** A valid config for tests: silent logs, port 0 (any free port), overrides on top. */
export function createTestConfig(overrides: Record<string, string> = {}): AppConfig {
  const result = parseConfig({ LOG_LEVEL: 'silent', PORT: '0', ...overrides });
  if (!result.ok) throw new Error(`test config invalid: ${JSON.stringify(result.problems)}`);
  return result.config;
}
