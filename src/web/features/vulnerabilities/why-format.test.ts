import { describe, expect, it } from 'vitest';
import { describeWhy, shortSelector } from './why-format';

describe('shortSelector', () => {
  it('names the vendor and product of a CPE, with a concrete version', () => {
    expect(shortSelector('cpe:2.3:o:acme:cam_fw:*:*:*:*:*:*:*:*')).toBe('acme cam_fw');
    expect(shortSelector('cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*')).toBe('acme cam-100');
    expect(shortSelector('cpe:2.3:o:acme:cam_fw:1.2:*:*:*:*:*:*:*')).toBe('acme cam_fw 1.2');
  });

  it('keeps escaped colons inside a CPE part', () => {
    expect(shortSelector('cpe:2.3:a:ex\\:ample:tool:*:*:*:*:*:*:*:*')).toBe('ex:ample tool');
  });

  it('shortens a purl to type/name', () => {
    expect(shortSelector('pkg:deb/debian/openssl@1.1.1n?arch=amd64')).toBe('deb/openssl');
    expect(shortSelector('pkg:npm/%40scope%2Fpkg')).toBe('npm/@scope/pkg');
  });

  it('leaves vendor and product names as written', () => {
    expect(shortSelector('日立 / 監視カメラ HX-2')).toBe('日立 / 監視カメラ HX-2');
  });
});

describe('describeWhy', () => {
  it('gives the range, or null for every version', () => {
    const why = { kind: 'cpe', selector: 'cpe:2.3:o:acme:cam_fw:*:*:*:*:*:*:*:*', range: '>= 1.0, < 1.3' } as const;
    expect(describeWhy(why)).toEqual({
      product: 'acme cam_fw',
      full: why.selector,
      range: '>= 1.0, < 1.3',
      platform: null,
    });
    expect(describeWhy({ ...why, range: '*' }).range).toBeNull();
    expect(describeWhy({ ...why, range: '' }).range).toBeNull();
  });

  it('labels the platform of an AND configuration', () => {
    const why = {
      kind: 'cpe',
      selector: 'cpe:2.3:o:acme:cam_fw:*:*:*:*:*:*:*:*',
      range: '< 1.3',
      platform: 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*',
    } as const;
    expect(describeWhy(why).platform).toBe('acme cam-100');
  });
});
