/** The algorithm lists an SSH server offers in its SSH_MSG_KEXINIT. */
export interface SshAlgorithms {
  readonly kex: readonly string[];
  readonly hostKey: readonly string[];
  readonly ciphers: readonly string[];
  readonly macs: readonly string[];
}

/**
 * Algorithms considered weak (item 32): SHA-1 or 1024-bit Diffie-Hellman key exchange, DSA host
 * keys, CBC-mode, RC4, 3DES, Blowfish and CAST ciphers, MD5 and truncated (-96) MACs, and "none".
 * HMAC-SHA1 as a MAC is not listed: current OpenSSH still offers it by default and it is not broken.
 */
const WEAK: Readonly<Record<keyof SshAlgorithms, RegExp>> = {
  kex: /^(diffie-hellman-group1-sha1|diffie-hellman-group14-sha1|diffie-hellman-group-exchange-sha1|rsa1024-sha1|gss-.*-sha1-.*)$/,
  hostKey: /^(ssh-dss|ssh-dss-cert-v01@openssh\.com)$/,
  ciphers: /(-cbc(@|$)|^arcfour|^3des|^blowfish|^cast128|^des|^none$|rijndael-cbc)/,
  macs: /(md5|-96(@|$)|^none$)/,
};

/** The weak algorithms among those offered, as `kind: name` texts (empty when all are acceptable). */
export function weakSshAlgorithms(offered: SshAlgorithms): string[] {
  return (Object.keys(WEAK) as (keyof SshAlgorithms)[]).flatMap((kind) =>
    offered[kind].filter((name) => WEAK[kind].test(name)).map((name) => `${kind}: ${name}`),
  );
}

/** Reads the name-lists of an SSH_MSG_KEXINIT payload (RFC 4253 7.1); undefined if it is not one. */
export function parseKexInit(payload: Uint8Array): SshAlgorithms | undefined {
  if (payload[0] !== 20) return undefined;
  let offset = 17; // message code + 16-byte cookie
  const lists: string[][] = [];
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  for (let index = 0; index < 10; index += 1) {
    if (offset + 4 > payload.length) return undefined;
    const length = view.getUint32(offset);
    offset += 4;
    if (offset + length > payload.length) return undefined;
    const text = new TextDecoder('latin1').decode(payload.subarray(offset, offset + length));
    lists.push(text === '' ? [] : text.split(','));
    offset += length;
  }
  const [kex = [], hostKey = [], ciphersOut = [], ciphersIn = [], macsOut = [], macsIn = []] = lists;
  return {
    kex,
    hostKey,
    ciphers: [...new Set([...ciphersOut, ...ciphersIn])],
    macs: [...new Set([...macsOut, ...macsIn])],
  };
}
