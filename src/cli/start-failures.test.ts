import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// These start the real binary, as `npm start` does after its build step.
const temp = mkdtempSync(join(tmpdir(), 'iotcheck-start-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function serve(env: Record<string, string>) {
  return spawnSync(process.execPath, ['bin/iotcheck.js', 'serve'], {
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: join(temp, 'data'), LOG_LEVEL: 'silent', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('iotcheck serve refuses to start', () => {
  it('naming PORT when it is not a number', () => {
    const result = serve({ PORT: 'abc' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT');
  });

  it('naming both variables when two are wrong', () => {
    const result = serve({ PORT: 'abc', DATABASE_URL: 'mysql://nope' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('naming the file and field of a corrupted catalog', () => {
    const catalogDir = join(temp, 'catalog');
    cpSync('catalog', catalogDir, { recursive: true });
    const file = join(catalogDir, 'jssec-v2', 'items-de-rs-rc.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: DE.AE', 'category: DE.XX'));
    const result = serve({ CATALOG_DIR: catalogDir });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('CATALOG_INVALID');
    expect(result.stderr).toMatch(
      /catalog\/jssec-v2\/items-de-rs-rc\.yaml: row \d+: items\[0\]\.category: no category DE\.XX in jssec-v2/,
    );
  });
});
