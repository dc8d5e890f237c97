import { reasonText } from './probe-reason';
import { describe, expect, it } from 'vitest';
import { assessTls, type CertificateFacts } from './tls-assessment';

const now = new Date('2026-06-01T00:00:00Z');
const good: CertificateFacts = {
  subject: 'CN=cam',
  issuer: 'CN=ca',
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2027-01-01T00:00:00Z',
  selfSigned: false,
  keyType: 'RSA',
  bits: 2048,
};

describe('assessTls', () => {
  it('passes TLS 1.2+ with a sound certificate', () => {
    expect(assessTls({ accepted: ['TLSv1.2', 'TLSv1.3'], certificate: good }, now)).toEqual({
      findings: ['tls_strong'],
      reasons: [],
    });
  });

  it('names every weakness', () => {
    const result = assessTls(
      {
        accepted: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
        certificate: { ...good, bits: 1024, validTo: '2026-02-01T00:00:00Z', selfSigned: true },
      },
      now,
    );
    expect(result.findings).toEqual(['tls_old_version', 'tls_weak_key', 'tls_expired', 'tls_self_signed']);
    expect(reasonText(result.reasons)).toBe(
      'accepts TLSv1, TLSv1.1; RSA key of 1024 bits; certificate expired on 2026-02-01T00:00:00Z; self-signed certificate',
    );
    expect(
      assessTls(
        {
          accepted: ['TLSv1.3'],
          certificate: { ...good, keyType: 'EC', bits: 192, validFrom: '2026-07-01T00:00:00Z' },
        },
        now,
      ).findings,
    ).toEqual(['tls_weak_key', 'tls_not_yet_valid']);
  });
});
