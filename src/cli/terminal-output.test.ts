import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCliRunner } from '../testing/test-cli';
import { describeEachDialect } from '../testing/test-database';

// Issue 8, finding 10: user data reached the terminal with its escape sequences; --json stays exact.
// Finding 3 (CLI side): text with lone surrogates is refused before anything is stored.
describeEachDialect('CLI output and input text', (database) => {
  const cli = createCliRunner(database, 'terminal-cli');
  const { dir, run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
  const title = 'FY2026\u001b[2J\u001b]0;owned\u0007 点検\u009b31m\u202egnp.exe';

  it('prints an assessment titled with escape sequences without control characters, and --json exactly', async () => {
    const org = firstField((await run(['org', 'create', '--name', 'Escape'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', 'Gate\u001b[31mway', '--criticality', 'supporting'])).out,
    );
    const created = await run(['assessment', 'create', '--org', org, '--system', systemId, '--title', title]);
    expect(created.code).toBe(0);
    expect(created.out).not.toMatch(UNSAFE);
    expect(created.out).toContain('FY2026[2J]0;owned 点検31mgnp.exe');
    const id = firstField(created.out);

    for (const argv of [
      ['assessment', 'list', '--org', org],
      ['assessment', 'show', '--org', org, '--id', id],
      ['system', 'list', '--org', org],
    ]) {
      const listed = await run(argv);
      expect(listed.code, argv.join(' ')).toBe(0);
      expect(listed.out, argv.join(' ')).not.toMatch(UNSAFE);
    }
    const json = await run(['assessment', 'list', '--org', org, '--json']);
    expect(JSON.parse(json.out)[0].title).toBe(title);
  });

  it('cleans error output too', async () => {
    const result = await run(['assessment', 'list', '--org', 'no\u001b[2Jsuch']);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('no[2Jsuch');
    expect(result.err).not.toMatch(UNSAFE);
  });

  it('refuses arguments and applied documents with lone surrogates, naming the field', async () => {
    const org = firstField((await run(['org', 'create', '--name', 'Surrogate'])).out);
    const system = await run(['system', 'create', '--org', org, '--name', 'x\ud800', '--criticality', 'supporting']);
    expect(system.code).not.toBe(0);
    expect(system.err).toContain('--name: contains an unpaired surrogate');
    const file = join(dir, 'ill-formed.json');
    writeFileSync(file, '{"assessment": {"title": "a\\ud800"}}');
    const applied = await run(['assessment', 'apply', '--org', org, file]);
    expect(applied.code).not.toBe(0);
    expect(applied.err).toContain('assessment/title: contains an unpaired surrogate');
    expect((await run(['system', 'list', '--org', org])).out).not.toContain('x');
  });
});
