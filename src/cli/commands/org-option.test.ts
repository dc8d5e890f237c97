import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-database';
import { runCli } from '../program';

describeEachDialect('--org by slug, or the only organisation', (database) => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-org-option-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[], language: 'ja' | 'en' = 'en') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli({
      argv,
      env: { LOG_LEVEL: 'silent', DATABASE_URL: database().url, DATA_DIR: dir },
      language,
      serve: async () => undefined,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      write: () => undefined,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('defaults to the only organisation, takes a slug, and names the slugs when there are several', async () => {
    const [, slug] = (await run(['org', 'create', '--name', 'Honsha'])).out.split('\t');
    expect((await run(['system', 'create', '--name', 'Cameras', '--criticality', 'important'])).code).toBe(0);
    expect((await run(['system', 'list', '--org', slug ?? ''])).out).toContain('Cameras');

    await run(['org', 'create', '--name', 'Plant']);
    const refused = await run(['system', 'list']);
    expect(refused.code).toBe(65);
    expect(refused.err).toContain(slug);
    const japanese = await run(['system', 'list'], 'ja');
    expect(japanese.err).toContain('--org で組織を指定してください');
    expect((await run(['system', 'list', '--org', 'nowhere'])).code).toBe(66);
  });
});
