import { describe, expect, it } from 'vitest';
import { parseCpe23, parseDate, parseIpAddress, parseMacAddress, splitCpeList } from './device-values';

describe('device value parsers', () => {
  it('reads IPv4 and IPv6 addresses and refuses the rest', () => {
    expect(parseIpAddress('192.168.0.1')).toBe('192.168.0.1');
    expect(parseIpAddress('FE80:0:0:0:0:0:0:1')).toBe('fe80::1');
    for (const bad of ['999.1.1.1', '1.2.3', '01.2.3.4', 'fe80::1::2', 'host', '1.2.3.4.5']) {
      expect(parseIpAddress(bad), bad).toBeUndefined();
    }
  });

  it('reads MAC addresses in the usual notations', () => {
    for (const mac of ['00:11:22:AA:bb:cc', '00-11-22-aa-bb-cc', '0011.22aa.bbcc', '001122aabbcc']) {
      expect(parseMacAddress(mac), mac).toBe('00:11:22:aa:bb:cc');
    }
    expect(parseMacAddress('00:11:22')).toBeUndefined();
  });

  it('reads dates people write and refuses days that do not exist', () => {
    expect(parseDate('2027/3/31')).toBe('2027-03-31');
    expect(parseDate('2027年3月31日')).toBe('2027-03-31');
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('31/03/2027')).toBeUndefined();
  });

  it('checks CPE 2.3 names and splits several in one cell', () => {
    const cpe = 'cpe:2.3:h:hitachi:hc-100:-:*:*:*:*:*:*:*';
    expect(parseCpe23(cpe)).toBe(cpe);
    expect(parseCpe23('cpe:/h:hitachi:hc-100')).toBeUndefined();
    expect(parseCpe23('cpe:2.3:h:vendor\\:x:product:1.0:*:*:*:*:*:*:*')).toBeDefined();
    expect(splitCpeList(`${cpe}; ${cpe.replace('hc-100', 'hc-200')}`)).toHaveLength(2);
  });
});
