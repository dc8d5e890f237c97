import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IOTCHECK_VERSION } from '../core/version';
import { CLI_MESSAGES } from './messages';
import { runCli } from './program';

async function run(argv: string[], env: Record<string, string> = {}, language: 'ja' | 'en' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  let served = false;
  const code = await runCli({
    argv,
    env: { LOG_LEVEL: 'silent', ...env },
    language,
    serve: async () => {
      served = true;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), served };
}

describe('iotcheck CLI', () => {
  it('prints the package version', async () => {
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(IOTCHECK_VERSION).toBe(packageJson.version);
    expect((await run(['--version'])).out).toBe(packageJson.version);
  });

  it('shows help in the language of LANG', async () => {
    expect((await run(['--help'], {}, 'ja')).out).toContain('データベースの保守');
    expect((await run(['--help'], {}, 'en')).out).toContain('database maintenance');
  });

  it('refuses a bad configuration naming every variable, and does not serve', async () => {
    const result = await run(['serve'], { PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(78);
    expect(result.err).toContain('PORT');
    expect(result.err).toContain('LOG_LEVEL');
    expect(result.served).toBe(false);
  });

  it('exits with the usage code on an unknown command', async () => {
    expect((await run(['frobnicate'])).code).toBe(64);
  });

  it('has the same messages in ja and en', () => {
    expect(Object.keys(CLI_MESSAGES.ja).sort()).toEqual(Object.keys(CLI_MESSAGES.en).sort());
  });
});
