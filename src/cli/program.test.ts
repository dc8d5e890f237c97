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

  it('lists every command group the same way whether or not its code was loaded', async () => {
    const groups = ['db', 'catalog', 'audit', 'user', 'org', 'token', 'system', 'assessment', 'inventory'];
    for (const language of ['ja', 'en'] as const) {
      const unloaded = (await run(['--help'], {}, language)).out;
      expect((await run(['--help', ...groups], {}, language)).out).toBe(unloaded);
      for (const group of groups) expect(unloaded).toMatch(new RegExp(`^  ${group} `, 'm'));
    }
  });

  it('says on start-up where to create the first owner while there is no user, in the language of LANG', async () => {
    const startUp = async (language: 'ja' | 'en', needsFirstOwner: boolean) => {
      const err: string[] = [];
      await runCli({
        argv: ['serve'],
        env: { LOG_LEVEL: 'silent', PUBLIC_URL: 'https://iotcheck.example.co.jp' },
        language,
        serve: async (_config, started) => started({ url: 'http://127.0.0.1:8080', needsFirstOwner }),
        out: () => undefined,
        err: (line) => err.push(line),
      });
      return err.join('\n');
    };
    const ja = await startUp('ja', true);
    expect(ja).toContain('最初のオーナーを https://iotcheck.example.co.jp/setup で作成してください');
    expect(ja).toContain('npx iotcheck user create --admin');
    expect(await startUp('en', true)).toContain('create the first owner at https://iotcheck.example.co.jp/setup');
    expect(await startUp('en', false)).not.toContain('/setup');
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

describe('iotcheck catalog', () => {
  it('shows an item with its checks in the terminal language', async () => {
    const result = await run(['catalog', 'show', 'jssec-v2:25'], {}, 'ja');
    expect(result.code).toBe(0);
    expect(result.out).toContain('25.4');
    expect(result.out).toContain('ID とパスワードを他システムと使いまわししない');
    expect(result.out).toContain('nist-csf-2.0:PR.AA-01');
    // Tags and relationships in words, never their codes.
    expect(result.out).toContain('タグ: 機器、システム、構築、運用、IT、OT、初期パスワード');
    expect(result.out).toContain('(一部)');
    expect(result.out).not.toContain('default_credentials');
    expect(result.out).not.toContain('(subset)');
  });

  it("counts each framework's contents in the terminal language", async () => {
    const ja = await run(['catalog', 'list'], {}, 'ja');
    expect(ja.out).toContain('機能 5、カテゴリ 23、項目 60、確認ポイント 143');
    expect(ja.out).not.toContain('function');
    const en = await run(['catalog', 'list'], {}, 'en');
    expect(en.out).toContain('5 functions, 23 categories, 60 items, 143 check points');
  });

  it('exits 66 naming an unknown node', async () => {
    const result = await run(['catalog', 'show', 'jssec-v2:99']);
    expect(result.code).toBe(66);
    expect(result.err).toContain('jssec-v2:99');
  });

  it('exports the checksheet tree as JSON', async () => {
    let written = '';
    const code = await runCli({
      argv: ['catalog', 'export', '--framework', 'jssec-v2', '--format', 'json'],
      env: {},
      language: 'en',
      serve: async () => undefined,
      write: (text) => (written += text),
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    const document = JSON.parse(written);
    expect(document.framework.id).toBe('jssec-v2');
    const items = document.functions.flatMap((fn: { categories: { items: unknown[] }[] }) =>
      fn.categories.flatMap((category) => category.items),
    );
    expect(items).toHaveLength(60);
    expect(items[24]).toMatchObject({
      id: 'jssec-v2:25',
      number: 25,
      title: { ja: expect.any(String), en: expect.any(String) },
    });
    expect(items[24].checks).toHaveLength(4);
    expect(items[24].csf20.length).toBeGreaterThan(0);
  });

  it('refuses an unknown format', async () => {
    expect((await run(['catalog', 'export', '--framework', 'jssec-v2', '--format', 'pdf'])).code).toBe(64);
  });
});
