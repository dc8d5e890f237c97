import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/program';

/** What one CLI run printed: lines on stdout and stderr, raw writes (exports), and the exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly written: string;
}

/**
 * Runs `iotcheck` in-process against a test database, with its own DATA_DIR (removed by
 * `cleanUp`), as a local command on the server machine would.
 */
export function createCliRunner(
  database: () => { readonly url: string },
  prefix: string,
): { dir: string; run(argv: string[], language?: 'ja' | 'en'): Promise<CliRun>; cleanUp(): void } {
  const dir = mkdtempSync(join(tmpdir(), `iotcheck-${prefix}-`));
  return {
    dir,
    async run(argv, language = 'en') {
      const out: string[] = [];
      const err: string[] = [];
      let written = '';
      const code = await runCli({
        argv,
        env: { LOG_LEVEL: 'silent', DATABASE_URL: database().url, DATA_DIR: dir },
        language,
        serve: async () => undefined,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        write: (text) => (written += text),
      });
      return { code, out: out.join('\n'), err: err.join('\n'), written };
    },
    cleanUp: () => rmSync(dir, { recursive: true, force: true }),
  };
}
