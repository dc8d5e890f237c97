import { describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../domain-error';
import { formatIpAddress, parseIpAddress } from './ip-address';
import { defineScope, entryAddresses, inScope, parseTarget, SCOPE_LIMITS } from './scope';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('IP addresses', () => {
  it('parses and formats IPv4 and IPv6 canonically', () => {
    expect(formatIpAddress(parseIpAddress('10.0.1.5')!)).toBe('10.0.1.5');
    expect(formatIpAddress(parseIpAddress('FD00:0:0:0:0:0:0:1')!)).toBe('fd00::1');
    expect(formatIpAddress(parseIpAddress('::ffff:10.0.0.1')!)).toBe('::ffff:a00:1');
    expect(formatIpAddress(parseIpAddress('2001:db8:0:1:0:0:0:1')!)).toBe('2001:db8:0:1::1');
    expect(formatIpAddress(parseIpAddress('1:0:2:3:4:5:6:7')!)).toBe('1:0:2:3:4:5:6:7');
  });

  it('refuses malformed addresses', () => {
    for (const text of ['10.0.0.256', '10.0.0', '010.0.0.1', '1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '']) {
      expect(parseIpAddress(text), text).toBeUndefined();
    }
  });
});

describe('scope targets', () => {
  it('reads CIDRs, ranges, single addresses and host names', () => {
    const scope = defineScope({ targets: '10.0.0.0/30, 10.0.1.5-10.0.1.9 10.0.2.7\ncam.local fd00::/126 10.0.3.1-3' });
    expect(scope.entries.map((entry) => entry.kind)).toEqual([
      'network',
      'network',
      'network',
      'hostname',
      'network',
      'network',
    ]);
    expect(scope.addressCount).toBe(4 + 5 + 1 + 4 + 3);
    expect(scope.allowCredentials).toBe(false);
    expect(scope.vantage).toBe('inside');
    const range = scope.entries[1];
    expect(range?.kind === 'network' && entryAddresses(range)).toEqual([
      '10.0.1.5',
      '10.0.1.6',
      '10.0.1.7',
      '10.0.1.8',
      '10.0.1.9',
    ]);
  });

  it('knows what is inside', () => {
    const scope = defineScope({ targets: ['10.0.0.0/24', '10.0.1.5-10.0.1.9', 'fd00::/120'] });
    expect(inScope(scope, '10.0.0.255')).toBe(true);
    expect(inScope(scope, '10.0.1.9')).toBe(true);
    expect(inScope(scope, '10.0.1.10')).toBe(false);
    expect(inScope(scope, 'fd00::ff')).toBe(true);
    expect(inScope(scope, 'fd00::100')).toBe(false);
    expect(inScope(scope, 'cam.local')).toBe(false);
  });

  it('refuses every bad entry at once, located, with its reason', () => {
    const error = refusal(() =>
      defineScope({
        targets: ['10.0.0.0/8', '10.0.0.5/24', '10.0.1.9-10.0.1.5', 'bad_name!', '10.0.0.300', 'fd00::/64'],
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((detail) => [detail.path, detail.reason])).toEqual([
      ['targets[0]', 'covers 16777216 addresses; one entry may cover at most 65536 (/16)'],
      ['targets[1]', 'host bits are set; the network is 10.0.0.0/24'],
      ['targets[2]', 'the range ends before it starts'],
      ['targets[3]', 'not an IP address, a CIDR, an address range or a host name'],
      ['targets[4]', 'not a valid IP address'],
      ['targets[5]', expect.stringContaining('/112')],
    ]);
  });

  it('caps the whole scope and needs at least one target', () => {
    const error = refusal(() => defineScope({ targets: ['10.0.0.0/16', '10.1.0.0/24'] }));
    expect(error.details[0]?.reason).toBe(
      `the entries cover 65792 addresses; a scope may cover at most ${SCOPE_LIMITS.maxAddresses}`,
    );
    expect(refusal(() => defineScope({ targets: ' , ' })).details[0]?.code).toBe('missing');
    expect(defineScope({ targets: '10.0.0.0/16' }).addressCount).toBe(65_536);
  });

  it('reads a /16 and a 65,536-address IPv6 /112 as the largest entries', () => {
    expect(parseTarget('10.20.0.0/16')).toMatchObject({ kind: 'network' });
    expect(parseTarget('fd00::/112')).toMatchObject({ kind: 'network' });
    expect(parseTarget('10.20.0.0/15')).toHaveProperty('reason');
  });
});
