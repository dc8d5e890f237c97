import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/domain-error';
import { DEFAULT_CATALOG_DIR, loadCatalog, pointerToPath } from './load-catalog';

const copies: string[] = [];
function copyCatalog(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'iotcheck-catalog-')), 'catalog');
  cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}
function loadError(dir: string): DomainError {
  try {
    loadCatalog(dir);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the catalog to be rejected');
}
afterEach(() => copies.splice(0).forEach((dir) => rmSync(join(dir, '..'), { recursive: true, force: true })));

describe('loadCatalog', () => {
  it('names the file, the path, the line and the reason for an emptied field', () => {
    const dir = copyCatalog();
    edit(dir, 'jssec-v2/items-pr.yaml', (text) => text.replace(/(number: 25\n(?:.*\n)*?\s+en: )"[^"]+"/, '$1""'));
    const error = loadError(dir);
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({ file: 'catalog/jssec-v2/items-pr.yaml', path: 'items[3].title.en' });
    expect(error.details[0]?.row).toBeGreaterThan(1);
  });

  it('reports a misspelt key and an unknown tag instead of ignoring them', () => {
    const dir = copyCatalog();
    edit(dir, 'jssec-v2/items-id.yaml', (text) =>
      text
        .replace(/\n(\s+)explanation:/, '\n$1explanaton:')
        .replace('provider_question: false', 'provider_question: maybe'),
    );
    const paths = loadError(dir).details.map((detail) => detail.path);
    expect(paths).toEqual(['items[0]', 'items[0].explanaton', 'items[0].tags.provider_question']);
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = copyCatalog();
    edit(dir, 'nist-csf-2.0/framework.yaml', (text) => `${text}\n  - : [unclosed\n`);
    const [detail] = loadError(dir).details;
    expect(detail?.file).toBe('catalog/nist-csf-2.0/framework.yaml');
    expect(detail?.reason).toMatch(/^YAML syntax/);
    expect(detail?.row).toBeGreaterThan(100);
  });

  it('reports a crosswalk to a node that does not exist', () => {
    const dir = copyCatalog();
    edit(dir, 'crosswalks/jssec-v2--nist-csf-2.0/PR.yaml', (text) => text.replace('to: PR.IR-01', 'to: PR.IR-99'));
    expect(loadError(dir).details).toEqual([
      expect.objectContaining({
        file: 'catalog/crosswalks/jssec-v2--nist-csf-2.0/PR.yaml',
        path: 'links[0].to',
        reason: 'no node nist-csf-2.0:PR.IR-99',
      }),
    ]);
  });

  it('turns JSON pointers into readable paths', () => {
    expect(pointerToPath('/items/3/title/en')).toBe('items[3].title.en');
    expect(pointerToPath('')).toBe('');
  });
});
