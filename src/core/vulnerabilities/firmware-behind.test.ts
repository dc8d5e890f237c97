import { describe, expect, it } from 'vitest';
import { firmwareStanding } from './firmware-behind';

describe('firmwareStanding', () => {
  it.each([
    ['1.2', '1.3', 'behind'],
    ['1.3', '1.3', 'current'],
    ['1.10.0', '1.9.2', 'current'],
    ['1.2', '1.3.0', 'behind'],
    ['V4.00', 'V4.10', 'behind'],
    ['v6 R4', 'v6 R5', 'behind'],
    ['2.0.3', '2.0.3', 'current'],
    ['00.07.03.4', '00.07.04.0', 'behind'],
  ] as const)('%s against latest %s is %s', (firmware, latest, standing) => {
    expect(firmwareStanding(firmware, latest)).toBe(standing);
  });

  it.each([[''], ['-'], ['*'], ['latest'], ['不明']])('firmware %j is unknown, never guessed', (firmware) => {
    expect(firmwareStanding(firmware, '1.3')).toBe('unknown');
  });
});
