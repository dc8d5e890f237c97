import { describe, expect, it } from 'vitest';
import { detectTerminalLanguage, parseConfig } from './config';

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(8080);
    expect(result.config.host).toBe('127.0.0.1');
    expect(result.config.database.kind).toBe('sqlite');
    expect(result.config.publicUrl.href).toBe('http://127.0.0.1:8080/');
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it('names PORT when it is not a number', () => {
    const result = parseConfig({ PORT: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.name)).toEqual(['PORT']);
  });

  it('names every bad variable, not just the first', () => {
    const result = parseConfig({ PORT: '99999', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.name).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
  });

  it('reads a secret from *_FILE and rejects setting both', () => {
    const files: Record<string, string> = { '/run/secrets/db': 'postgres://u:p@127.0.0.1:5432/iot\n' };
    const fromFile = parseConfig({ DATABASE_URL_FILE: '/run/secrets/db' }, (path) => files[path] ?? '');
    expect(fromFile.ok && fromFile.config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5432/iot',
    });
    const both = parseConfig({ DATABASE_URL: 'postgres://a@b/c', DATABASE_URL_FILE: '/x' }, () => 'x');
    expect(both.ok).toBe(false);
  });

  it('reports an unreadable *_FILE by its variable name', () => {
    const result = parseConfig({ DATABASE_URL_FILE: '/nope' }, () => {
      throw new Error('ENOENT');
    });
    expect(!result.ok && result.problems[0]?.name).toBe('DATABASE_URL_FILE');
  });

  it('picks the terminal language from LANG', () => {
    expect(detectTerminalLanguage({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(detectTerminalLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(detectTerminalLanguage({ LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US' })).toBe('ja');
  });
});

describe('EVIDENCE_MAX_BYTES', () => {
  it('defaults to 25 MiB and takes a whole number of bytes', () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.evidenceMaxBytes).toBe(26_214_400);
    const set = parseConfig({ EVIDENCE_MAX_BYTES: '1048576' });
    expect(set.ok && set.config.evidenceMaxBytes).toBe(1_048_576);
  });

  it('accepts 1 KiB to 2 GiB and names the variable otherwise', () => {
    expect(parseConfig({ EVIDENCE_MAX_BYTES: '1024' }).ok).toBe(true);
    expect(parseConfig({ EVIDENCE_MAX_BYTES: String(2 * 1024 ** 3) }).ok).toBe(true);
    for (const bad of ['1023', String(2 * 1024 ** 3 + 1), '25MB', '-1']) {
      const result = parseConfig({ EVIDENCE_MAX_BYTES: bad });
      expect(!result.ok && result.problems.map((problem) => problem.name)).toEqual(['EVIDENCE_MAX_BYTES']);
    }
  });
});

describe('EVIDENCE_STORE and JOB_LEASE_MS', () => {
  it('keeps files locally by default and in PostgreSQL when asked, with a PostgreSQL database', () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.fileStore).toBe('local');
    const shared = parseConfig({ EVIDENCE_STORE: 'postgres', DATABASE_URL: 'postgres://u@127.0.0.1/iotcheck' });
    expect(shared.ok && shared.config.fileStore).toBe('postgres');
  });

  it('refuses postgres on SQLite and unknown stores, naming EVIDENCE_STORE', () => {
    for (const env of [{ EVIDENCE_STORE: 'postgres' }, { EVIDENCE_STORE: 's3' }]) {
      const result = parseConfig(env);
      expect(!result.ok && result.problems.map((problem) => problem.name)).toEqual(['EVIDENCE_STORE']);
    }
    const onSqlite = parseConfig({ EVIDENCE_STORE: 'postgres' });
    expect(!onSqlite.ok && onSqlite.problems[0]?.reason).toContain('DATABASE_URL=postgres://');
  });

  it('takes a job lease of 1 s to 1 h, a minute by default', () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.jobLeaseMs).toBe(60_000);
    const short = parseConfig({ JOB_LEASE_MS: '2000' });
    expect(short.ok && short.config.jobLeaseMs).toBe(2000);
    const bad = parseConfig({ JOB_LEASE_MS: '999' });
    expect(!bad.ok && bad.problems.map((problem) => problem.name)).toEqual(['JOB_LEASE_MS']);
  });
});

describe('SHUTDOWN_GRACE_MS', () => {
  it('lets requests in flight finish for 10 s by default, 0 to 1 h when set', () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.shutdownGraceMs).toBe(10_000);
    const none = parseConfig({ SHUTDOWN_GRACE_MS: '0' });
    expect(none.ok && none.config.shutdownGraceMs).toBe(0);
    for (const given of ['-1', 'soon', '3600001']) {
      const bad = parseConfig({ SHUTDOWN_GRACE_MS: given });
      expect(!bad.ok && bad.problems.map((problem) => problem.name)).toEqual(['SHUTDOWN_GRACE_MS']);
    }
  });
});

describe('HEAP_GROWTH_PERCENT', () => {
  it('grows the heap by 30 % by default, 0 (V8 decides) to 400 when set', () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.heapGrowthPercent).toBe(30);
    const v8 = parseConfig({ HEAP_GROWTH_PERCENT: '0' });
    expect(v8.ok && v8.config.heapGrowthPercent).toBe(0);
    for (const given of ['-5', '401', '12.5', 'lots']) {
      const bad = parseConfig({ HEAP_GROWTH_PERCENT: given });
      expect(!bad.ok && bad.problems.map((problem) => problem.name)).toEqual(['HEAP_GROWTH_PERCENT']);
    }
  });
});

describe('OIDC configuration', () => {
  it('is off without an issuer and complete with one', () => {
    const off = parseConfig({});
    expect(off.ok && off.config.oidc).toBeUndefined();
    const on = parseConfig({
      OIDC_ISSUER: 'https://idp.example.jp',
      OIDC_CLIENT_ID: 'iotcheck',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(on.ok && on.config.oidc?.defaultRole).toBe('viewer');
  });

  it('names every missing or unsafe part', () => {
    const result = parseConfig({ OIDC_ISSUER: 'http://idp.example.jp', OIDC_DEFAULT_ROLE: 'owner' });
    expect(!result.ok && result.problems.map((problem) => problem.name).sort()).toEqual([
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'OIDC_DEFAULT_ROLE',
      'OIDC_ISSUER',
    ]);
  });
});

describe('TRUST_PROXY', () => {
  const trustOf = (value: string | undefined) => {
    const result = parseConfig(value === undefined ? {} : { TRUST_PROXY: value });
    return result.ok ? result.config.trustProxy : result.problems;
  };

  it('is off by default and for "", "false" and "0"', () => {
    for (const value of [undefined, '', 'false', '0']) expect(trustOf(value), String(value)).toBe(false);
  });

  it('takes a hop count or addresses and CIDR ranges', () => {
    expect(trustOf('2')).toBe(2);
    expect(trustOf('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('names what is wrong, refusing "true" (any client could choose its address)', () => {
    expect(trustOf('true')).toEqual([expect.objectContaining({ name: 'TRUST_PROXY' })]);
    expect(trustOf('10.0.0.0/33,proxy.local')).toEqual([
      { name: 'TRUST_PROXY', reason: expect.stringContaining('"10.0.0.0/33", "proxy.local"') },
    ]);
    expect(trustOf('99')).toEqual([expect.objectContaining({ name: 'TRUST_PROXY' })]);
  });
});

describe('METRICS_TOKEN', () => {
  it('is off when unset and kept as given when long enough', () => {
    const off = parseConfig({});
    expect(off.ok && off.config.metricsToken).toBeUndefined();
    const on = parseConfig({ METRICS_TOKEN: 'a'.repeat(16) });
    expect(on.ok && on.config.metricsToken).toBe('a'.repeat(16));
  });

  it('refuses a short token or one with spaces, naming the variable', () => {
    for (const token of ['short', 'sixteen chars ok!']) {
      const result = parseConfig({ METRICS_TOKEN: token });
      expect(result.ok ? [] : result.problems).toEqual([
        { name: 'METRICS_TOKEN', reason: expect.stringContaining('16 to 256') },
      ]);
    }
  });
});
