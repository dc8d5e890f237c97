import type { FindingCode } from './observation';
import { because, type ProbeReason } from './probe-reason';

export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** What a TLS handshake showed about a server's certificate. */
export interface CertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly selfSigned: boolean;
  /** `RSA`, `EC` or what the runtime reports; `bits` is the key size. */
  readonly keyType: string;
  readonly bits: number;
}

/** The TLS facts of one port: which versions completed a handshake, and the certificate. */
export interface TlsFacts {
  readonly accepted: readonly TlsVersion[];
  readonly certificate?: CertificateFacts;
}

/** Minimum key sizes: RSA (and DSA) below 2048 bits and EC below 224 bits are weak. */
const MIN_BITS: Readonly<Record<string, number>> = { RSA: 2048, DSA: 2048, EC: 224 };

/**
 * Judges TLS for item 32: versions below 1.2, a weak key, an expired or not yet valid
 * certificate, or a self-signed one each fail; otherwise `tls_strong`.
 */
export function assessTls(facts: TlsFacts, now: Date): { findings: FindingCode[]; reasons: ProbeReason[] } {
  const findings: FindingCode[] = [];
  const reasons: ProbeReason[] = [];
  const old = facts.accepted.filter((version) => version === 'TLSv1' || version === 'TLSv1.1');
  if (old.length > 0) {
    findings.push('tls_old_version');
    reasons.push(because('tls_accepts_old', { versions: old.join(', ') }));
  }
  const certificate = facts.certificate;
  if (certificate) {
    const min = MIN_BITS[certificate.keyType];
    if (min !== undefined && certificate.bits < min) {
      findings.push('tls_weak_key');
      reasons.push(because('tls_weak_key', { keyType: certificate.keyType, bits: certificate.bits }));
    }
    if (Date.parse(certificate.validTo) < now.getTime()) {
      findings.push('tls_expired');
      reasons.push(because('tls_expired', { date: certificate.validTo }));
    }
    if (Date.parse(certificate.validFrom) > now.getTime()) {
      findings.push('tls_not_yet_valid');
      reasons.push(because('tls_not_yet_valid', { date: certificate.validFrom }));
    }
    if (certificate.selfSigned) {
      findings.push('tls_self_signed');
      reasons.push(because('tls_self_signed'));
    }
  }
  if (findings.length === 0) findings.push('tls_strong');
  return { findings, reasons };
}
