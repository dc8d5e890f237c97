import { afterAll, expect, it } from 'vitest';
import { createCliRunner } from '../../testing/test-cli';
import { describeEachDialect } from '../../testing/test-database';

describeEachDialect('--org by slug, or the only organisation', (database) => {
  const cli = createCliRunner(database, 'org-option');
  const { run } = cli;
  afterAll(() => cli.cleanUp());

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
