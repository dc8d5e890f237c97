import { describe, expect, it } from 'vitest';
import { parseKexInit, weakSshAlgorithms } from './ssh-algorithms';

function kexInit(lists: string[]): Uint8Array {
  const parts: number[] = [20, ...new Array<number>(16).fill(7)];
  for (const list of lists) {
    const bytes = [...new TextEncoder().encode(list)];
    parts.push(
      (bytes.length >>> 24) & 255,
      (bytes.length >>> 16) & 255,
      (bytes.length >>> 8) & 255,
      bytes.length & 255,
      ...bytes,
    );
  }
  return Uint8Array.from([...parts, 0, 0, 0, 0, 0]);
}

describe('SSH algorithms', () => {
  it('reads a KEXINIT and merges both directions', () => {
    const payload = kexInit([
      'curve25519-sha256,diffie-hellman-group1-sha1',
      'ssh-ed25519',
      'aes128-ctr',
      'aes128-cbc',
      'hmac-sha2-256',
      'hmac-md5',
      'none',
      'none',
      '',
      '',
    ]);
    const algorithms = parseKexInit(payload);
    expect(algorithms).toEqual({
      kex: ['curve25519-sha256', 'diffie-hellman-group1-sha1'],
      hostKey: ['ssh-ed25519'],
      ciphers: ['aes128-ctr', 'aes128-cbc'],
      macs: ['hmac-sha2-256', 'hmac-md5'],
    });
    expect(weakSshAlgorithms(algorithms!)).toEqual([
      'kex: diffie-hellman-group1-sha1',
      'ciphers: aes128-cbc',
      'macs: hmac-md5',
    ]);
  });

  it('finds nothing weak in a modern offer and refuses truncated packets', () => {
    const modern = {
      kex: ['sntrup761x25519-sha512@openssh.com', 'curve25519-sha256'],
      hostKey: ['ssh-ed25519', 'rsa-sha2-512'],
      ciphers: ['chacha20-poly1305@openssh.com', 'aes256-gcm@openssh.com'],
      macs: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha1'],
    };
    expect(weakSshAlgorithms(modern)).toEqual([]);
    expect(parseKexInit(kexInit(['a', 'b']).subarray(0, 25))).toBeUndefined();
    expect(parseKexInit(Uint8Array.from([21, 0, 0]))).toBeUndefined();
  });
});
