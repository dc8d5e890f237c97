import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { ObservationInput } from '../../core/probes/observation';
import {
  assessTls,
  TLS_VERSIONS,
  type CertificateFacts,
  type TlsFacts,
  type TlsVersion,
} from '../../core/probes/tls-assessment';
import { openStream, type ServiceTarget } from './open-stream';
import { because, reasonText, type ProbeReason } from '../../core/probes/probe-reason';

const SELF_SIGNED_ERRORS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);

function certificateFacts(socket: TLSSocket): CertificateFacts | undefined {
  const certificate: PeerCertificate & { pubkey?: Buffer; asn1Curve?: string } = socket.getPeerCertificate();
  if (!certificate || Object.keys(certificate).length === 0) return undefined;
  const name = (value: unknown): string =>
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
          .map(([key, part]) => `${key}=${String(part)}`)
          .join(', ')
      : '';
  const error = String(socket.authorizationError ?? '');
  return {
    subject: name(certificate.subject),
    issuer: name(certificate.issuer),
    validFrom: new Date(certificate.valid_from).toISOString(),
    validTo: new Date(certificate.valid_to).toISOString(),
    selfSigned: SELF_SIGNED_ERRORS.has(error),
    keyType:
      certificate.asn1Curve !== undefined || certificate.nistCurve !== undefined
        ? 'EC'
        : certificate.modulus
          ? 'RSA'
          : 'other',
    bits: certificate.bits ?? 0,
  };
}

/** One handshake limited to exactly `version`; the certificate when it completes. */
async function handshake(
  target: ServiceTarget,
  version: TlsVersion,
): Promise<{ accepted: boolean; certificate?: CertificateFacts; reason?: ProbeReason }> {
  const conversation = await openStream(target, {
    minVersion: version,
    maxVersion: version,
    // Old protocol versions need the lowest OpenSSL security level to be offered at all.
    ...(version === 'TLSv1' || version === 'TLSv1.1' ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    ...(/^[a-z]/i.test(target.address) ? { servername: target.address } : {}),
  });
  if ('reason' in conversation) return { accepted: false, reason: conversation.reason };
  const certificate = certificateFacts(conversation.socket as TLSSocket);
  conversation.close();
  return certificate ? { accepted: true, certificate } : { accepted: true };
}

/**
 * Tries TLS 1.0, 1.1, 1.2 and 1.3 one at a time, then judges versions and the certificate
 * (item 32). No version accepted at all is inconclusive (the port may not speak TLS).
 */
export async function checkTls(target: ServiceTarget, now: () => Date = () => new Date()): Promise<ObservationInput> {
  const accepted: TlsVersion[] = [];
  const lines: string[] = [];
  let certificate: CertificateFacts | undefined;
  for (const version of TLS_VERSIONS) {
    if (target.signal?.aborted) break;
    const outcome = await handshake(target, version);
    lines.push(
      `> ClientHello ${version}: ${outcome.accepted ? 'accepted' : `refused (${outcome.reason ? reasonText(outcome.reason) : ''})`}`,
    );
    if (outcome.accepted) accepted.push(version);
    certificate = outcome.certificate ?? certificate;
  }
  if (certificate) {
    lines.push(
      `< certificate subject ${certificate.subject}; issuer ${certificate.issuer}; ` +
        `${certificate.keyType} ${certificate.bits} bits; valid ${certificate.validFrom} to ${certificate.validTo}` +
        (certificate.selfSigned ? '; self-signed' : ''),
    );
  }
  if (accepted.length === 0) {
    return {
      check: 'tls',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port: target.port,
      reason: because('tls_no_handshake'),
      detail: lines.join('\n'),
    };
  }
  const facts: TlsFacts = certificate ? { accepted, certificate } : { accepted };
  const { findings, reasons } = assessTls(facts, now());
  const failed = !findings.includes('tls_strong');
  return {
    check: 'tls',
    result: failed ? 'fail' : 'pass',
    findings,
    port: target.port,
    ...(failed ? { reason: reasons } : {}),
    detail: lines.join('\n'),
  };
}
