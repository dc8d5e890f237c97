import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../contracts/audit-actions';
import { en } from './en';
import { ja } from './ja';

const SERVICES = join(import.meta.dirname, '..', '..', 'services');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every quoted `area.verb` code a service records (action: '…' and the ternaries beside it). */
function recordedActionCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(SERVICES)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction: /.test(line)) continue;
      for (const match of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(match[1] ?? '');
    }
  }
  return codes;
}

describe('audit action codes', () => {
  it('lists every code the services record', () => {
    const recorded = [...recordedActionCodes()];
    expect(recorded.length).toBeGreaterThan(20);
    expect(recorded.filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
  });

  it('names every code in Japanese and in English', () => {
    const label = (messages: typeof ja, code: string): unknown => {
      const [area = '', verb = ''] = code.split('.');
      return (messages.auditActions as Record<string, Record<string, string> | undefined>)[area]?.[verb];
    };
    for (const code of AUDIT_ACTIONS) {
      expect(label(ja, code), `ja ${code}`).toEqual(expect.stringMatching(/\S/));
      expect(label(en, code), `en ${code}`).toEqual(expect.stringMatching(/\S/));
    }
  });
});
