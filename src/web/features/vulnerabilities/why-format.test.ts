import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { describeWhy, labelSelector, sayProduct, type SelectorLabel } from './why-format';

const translator = (language: 'ja' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: language,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
};
const say = (language: 'ja' | 'en', selector: string, sayAnyVersion = false) =>
  sayProduct(labelSelector(selector), translator(language), { sayAnyVersion });

describe('labelSelector', () => {
  it('names the vendor and product of a CPE and tells a version from any (*) and not applicable (-)', () => {
    expect(labelSelector('cpe:2.3:o:acme:cam_fw:*:*:*:*:*:*:*:*')).toEqual<SelectorLabel>({
      name: 'acme cam_fw',
      version: { kind: 'any' },
      update: { kind: 'any' },
    });
    expect(labelSelector('cpe:2.3:h:acme:cam-100:-:-:*:*:*:*:*:*')).toEqual<SelectorLabel>({
      name: 'acme cam-100',
      version: { kind: 'not_applicable' },
      update: { kind: 'not_applicable' },
    });
    expect(labelSelector('cpe:2.3:o:acme:cam_fw:1.2:sp1:*:*:*:*:*:*')).toEqual<SelectorLabel>({
      name: 'acme cam_fw',
      version: { kind: 'value', text: '1.2' },
      update: { kind: 'value', text: 'sp1' },
    });
  });

  it('keeps escaped colons inside a CPE part', () => {
    expect(labelSelector('cpe:2.3:a:ex\\:ample:tool:*:*:*:*:*:*:*:*').name).toBe('ex:ample tool');
  });

  it('shortens a purl to type/name', () => {
    expect(labelSelector('pkg:deb/debian/openssl@1.1.1n?arch=amd64')).toEqual({ name: 'deb/openssl' });
    expect(labelSelector('pkg:npm/%40scope%2Fpkg')).toEqual({ name: 'npm/@scope/pkg' });
  });

  it('leaves vendor and product names as written', () => {
    expect(labelSelector('日立 / 監視カメラ HX-2')).toEqual({ name: '日立 / 監視カメラ HX-2' });
  });
});

describe('sayProduct', () => {
  it('puts a concrete version after the name and says nothing more when the rest is any', () => {
    expect(say('en', 'cpe:2.3:o:acme:cam_fw:1.2:*:*:*:*:*:*:*')).toBe('acme cam_fw 1.2');
    expect(say('ja', 'cpe:2.3:o:acme:cam_fw:1.2:*:*:*:*:*:*:*')).toBe('acme cam_fw 1.2');
    expect(say('en', 'cpe:2.3:o:acme:cam_fw:*:*:*:*:*:*:*:*')).toBe('acme cam_fw');
    expect(say('en', 'pkg:deb/debian/openssl@1.1.1n', true)).toBe('deb/openssl');
  });

  it('says "not applicable" for - in both languages, for the version and the update', () => {
    expect(say('en', 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*')).toBe('acme cam-100 (version: not applicable)');
    expect(say('ja', 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*')).toBe('acme cam-100（バージョン: 該当なし）');
    expect(say('en', 'cpe:2.3:o:acme:cam_fw:1.2:-:*:*:*:*:*:*')).toBe('acme cam_fw 1.2 (update: not applicable)');
    expect(say('ja', 'cpe:2.3:o:acme:cam_fw:1.2:sp1:*:*:*:*:*:*')).toBe('acme cam_fw 1.2（アップデート sp1）');
  });

  it('says "any version" for * only where asked (a platform, with no range beside it)', () => {
    expect(say('en', 'cpe:2.3:h:acme:cam-100:*:*:*:*:*:*:*:*', true)).toBe('acme cam-100 (any version)');
    expect(say('ja', 'cpe:2.3:h:acme:cam-100:*:*:*:*:*:*:*:*', true)).toBe('acme cam-100（任意のバージョン）');
    expect(say('en', 'cpe:2.3:h:acme:cam-100:*:-:*:*:*:*:*:*', true)).toBe(
      'acme cam-100 (any version, update: not applicable)',
    );
    expect(say('ja', 'cpe:2.3:h:acme:cam-100:*:-:*:*:*:*:*:*', true)).toBe(
      'acme cam-100（任意のバージョン、アップデート: 該当なし）',
    );
  });
});

describe('describeWhy', () => {
  it('gives the range, or null for every version', () => {
    const why = { kind: 'cpe', selector: 'cpe:2.3:o:acme:cam_fw:*:*:*:*:*:*:*:*', range: '>= 1.0, < 1.3' } as const;
    expect(describeWhy(why)).toEqual({
      product: labelSelector(why.selector),
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
    expect(describeWhy(why).platform).toEqual(labelSelector(why.platform));
  });
});
