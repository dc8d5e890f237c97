import { describe, expect, it } from 'vitest';
import { parseCpeName, cpeProductKey } from './cpe-name';
import { foldCompanyName } from './fold-name';
import { parsePurlName } from './purl-name';
import { productKey, vendorKey } from './vendor-key';

describe('name folding and vendor keys', () => {
  it('folds width, case, spaces, punctuation and corporate suffixes', () => {
    for (const name of ['OMRON Corporation', 'ＯＭＲＯＮ', 'omron corp.', 'Omron, Inc.', 'OMRON Co., Ltd.']) {
      expect(foldCompanyName(name), name).toBe('omron');
    }
    expect(foldCompanyName('株式会社 日立製作所')).toBe('日立製作所');
    expect(foldCompanyName('(株)東芝')).toBe('東芝');
    expect(productKey('CAM-100')).toBe(productKey('ｃａｍ　１００'));
  });

  it('maps Japanese and English vendor names to one key through the alias table', () => {
    expect(vendorKey('日立')).toBe(vendorKey('Hitachi, Ltd.'));
    expect(vendorKey('株式会社日立製作所')).toBe('hitachi');
    expect(vendorKey('三菱電機株式会社')).toBe(vendorKey('Mitsubishi Electric Corporation'));
    expect(vendorKey('mitsubishi_electric')).toBe('mitsubishielectric');
    expect(vendorKey('パナソニック株式会社')).toBe('panasonic');
    expect(vendorKey('パナソニック')).not.toBe(vendorKey('パナソニックコネクト'));
    expect(vendorKey('Unknown Maker GmbH')).toBe('unknownmaker');
  });
});

describe('CPE and purl names', () => {
  it('splits CPE 2.3 names with escaped colons', () => {
    const name = parseCpeName('cpe:2.3:o:acme:cam\\:100_firmware:1\\.2:*:*:*:*:*:*:*');
    expect(name?.part).toBe('o');
    expect(cpeProductKey(name!)).toBe('acme:cam:100_firmware');
    expect(parseCpeName('cpe:/h:acme:cam')).toBeNull();
    expect(parseCpeName('cpe:2.3:h:acme:cam')).toBeNull();
  });

  it('reduces purls to their package and version', () => {
    expect(parsePurlName('pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u4?arch=amd64')).toEqual({
      base: 'pkg:deb/debian/openssl',
      version: '1.1.1n-0+deb11u4',
    });
    expect(parsePurlName('pkg:npm/%40scope/pkg')).toEqual({ base: 'pkg:npm/@scope/pkg', version: '' });
    expect(parsePurlName('openssl')).toBeNull();
  });
});
