import { because, reasonText } from './probe-reason';
import { describe, expect, it } from 'vitest';
import { FINDING_ITEMS, MAX_DETAIL_BYTES, observe, trimDetail } from './observation';

describe('observations', () => {
  it('maps findings to checksheet items as data', () => {
    expect(FINDING_ITEMS.telnet_open).toEqual(['jssec-v2:23', 'jssec-v2:32']);
    expect(FINDING_ITEMS.ssh_weak_algorithms).toEqual(['jssec-v2:32']);
    expect(FINDING_ITEMS.default_credential_accepted).toEqual(['jssec-v2:25', 'jssec-v2:26']);
    expect(FINDING_ITEMS.mqtt_anonymous_accepted).toEqual(['jssec-v2:26']);
    expect(FINDING_ITEMS.port_unexpected).toEqual(['jssec-v2:23']);
    expect(FINDING_ITEMS.reachable_from_outside).toEqual(['jssec-v2:24']);
    expect(FINDING_ITEMS.tls_old_version).toEqual(['jssec-v2:32']);
    expect(FINDING_ITEMS.port_scan_completed).toEqual(['jssec-v2:47']);
  });

  it('builds an observation with items from all its findings, once each', () => {
    const observation = observe(
      '10.0.0.1',
      {
        check: 'tls',
        result: 'fail',
        findings: ['tls_old_version', 'tls_self_signed'],
        port: 443,
        reason: [because('tls_accepts_old', { versions: 'TLSv1' }), because('tls_self_signed')],
        detail: 'd',
      },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(observation).toEqual({
      check: 'tls',
      result: 'fail',
      reason: 'accepts TLSv1; self-signed certificate',
      reasonCodes: [{ code: 'tls_accepts_old', params: { versions: 'TLSv1' } }, { code: 'tls_self_signed' }],
      findings: ['tls_old_version', 'tls_self_signed'],
      port: 443,
      detail: 'd',
      observedAt: '2026-01-02T03:04:05.000Z',
      target: '10.0.0.1',
      items: ['jssec-v2:32'],
    });
  });

  it('blanks out secrets that slipped into a detail or a reason', () => {
    const observation = observe(
      'h',
      {
        check: 'ssh',
        result: 'inconclusive',
        findings: [],
        port: 22,
        reason: because('no_port_answered', undefined, [because('ssh_error', { message: 'echoed hunter22' })]),
        detail: 'body: hunter22',
      },
      new Date(),
      ['hunter22'],
    );
    expect(observation.detail).toBe('body: ***');
    expect(observation.reason).toBe('no port answered (SSH error: echoed ***)');
    expect(JSON.stringify(observation.reasonCodes)).not.toContain('hunter22');
  });

  it('says several reasons and their causes in English for terminals', () => {
    expect(
      reasonText([
        because('port_filtered', undefined, [because('no_answer_within', { ms: 800 })]),
        because('default_credential_accepted', { user: 'admin' }),
      ]),
    ).toBe('filtered (no answer within 800 ms); default credential accepted for user admin');
  });

  it('escapes control bytes and trims to 2 KB', () => {
    expect(trimDetail('a\x1b[31mred\x00\nline')).toBe('a\\x1b[31mred\\x00\nline');
    const long = trimDetail('あ'.repeat(2000));
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(MAX_DETAIL_BYTES);
    expect(long.endsWith('…[trimmed]')).toBe(true);
  });
});
