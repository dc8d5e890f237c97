import { describe, expect, it } from 'vitest';
import { oneLine, oscalDateTime, oscalNodeId, uriOf } from './oscal-values';

const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

describe('OSCAL values', () => {
  it('turns catalog ids into OSCAL tokens, readable for usual codes and one-to-one', () => {
    expect(oscalNodeId('jssec-v2:25')).toBe('jssec-v2_25');
    expect(oscalNodeId('jssec-v2:25.1')).toBe('jssec-v2_25.1');
    expect(oscalNodeId('nist-csf-1.1:ID.AM-1')).toBe('nist-csf-1.1_ID.AM-1');
    expect(oscalNodeId('iec-62443-4-2:CR 1.1')).toBe('iec-62443-4-2_CR_x00201.1');
    expect(oscalNodeId('eu-cra-annex-1:I.2(a)')).toBe('eu-cra-annex-1_I.2_x0028a_x0029');
    expect(oscalNodeId('iotac-guideline-v1:指針1')).toBe('iotac-guideline-v1_指針1');
    expect(oscalNodeId('x:a_b')).not.toBe(oscalNodeId('x:a b'));
    expect(oscalNodeId('x:a_x0020b')).not.toBe(oscalNodeId('x:a b'));
    for (const id of ['a:25', 'a:CR 1.1', 'a:I.2(a)', 'a:指針1', 'a:a_b', 'a:😀'])
      expect(oscalNodeId(id)).toMatch(TOKEN);
  });

  it('writes dates of any precision as date-times with a timezone', () => {
    expect(oscalDateTime('2014')).toBe('2014-01-01T00:00:00Z');
    expect(oscalDateTime('2020-06')).toBe('2020-06-01T00:00:00Z');
    expect(oscalDateTime('2019-04-01')).toBe('2019-04-01T00:00:00Z');
    expect(oscalDateTime('2026-11-22T09:00:00.000Z')).toBe('2026-11-22T09:00:00.000Z');
  });

  it('keeps property values on one line and URLs as valid URI references', () => {
    expect(oneLine('  設備課\n 山田 ')).toBe('設備課 山田');
    expect(oneLine(' \n ')).toBeUndefined();
    expect(uriOf('https://wiki.example.jp/手順 1')).toBe('https://wiki.example.jp/%E6%89%8B%E9%A0%86%201');
    expect(uriOf('not a url')).toBeUndefined();
  });
});
