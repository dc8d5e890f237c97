import { describe, expect, it } from 'vitest';
import type { VersionConstraint } from './advisory.types';
import { parseJvnVersionText } from './jvn-version-text';

const range = (scheme: string, bounds: Record<string, string>): VersionConstraint =>
  ({ kind: 'range', scheme, ...bounds }) as VersionConstraint;

describe('parseJvnVersionText', () => {
  it.each<[string, VersionConstraint]>([
    ['v6 R4 およびそれ以前のバージョン', range('vendor', { endIncluding: 'v6 R4' })],
    ['v6 R4 およびそれ以前', range('vendor', { endIncluding: 'v6 R4' })],
    ['5.8 未満', range('generic', { endExcluding: '5.8' })],
    ['1.2 以降 1.5 未満', range('generic', { startIncluding: '1.2', endExcluding: '1.5' })],
    ['1.2.0 以上 1.5.3 以下', range('semver', { startIncluding: '1.2.0', endIncluding: '1.5.3' })],
    ['全てのバージョン', { kind: 'all' }],
    ['すべてのバージョン', { kind: 'all' }],
    ['ファームウェア バージョン 2.0.3 より前', range('semver', { endExcluding: '2.0.3' })],
    ['ファームウェア バージョン 2.0.3 より前のバージョン', range('semver', { endExcluding: '2.0.3' })],
    ['Ver.2.1 以下', range('vendor', { endIncluding: 'Ver.2.1' })],
    ['V4.00 以前', range('vendor', { endIncluding: 'V4.00' })],
    ['３．２ 未満', range('generic', { endExcluding: '3.2' })],
    ['2.0 以降', range('generic', { startIncluding: '2.0' })],
    ['1.0 から 1.4 まで', range('generic', { startIncluding: '1.0', endIncluding: '1.4' })],
    ['4.0.0', range('semver', { exact: '4.0.0' })],
  ])('%s', (text, expected) => {
    expect(parseJvnVersionText(text)).toEqual(expected);
  });

  it.each([
    'for Windows 5.8 (Build 1575) 未満',
    '5.8 未満 (日本語版)',
    'Windows 版 全て',
    '1.0 以前、2.0 以降',
    '2.0 未満 3.0 未満',
    '',
    'TM-C3500 ファームウェア',
  ])('leaves %s unparsed', (text) => {
    expect(parseJvnVersionText(text)).toEqual({ kind: 'unparsed', text });
  });
});
