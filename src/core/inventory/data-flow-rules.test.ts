import { describe, expect, it } from 'vitest';
import { changedFields, isUnchanged } from './changed-fields';
import { dataFlowProblems } from './data-flow-rules';
import { defaultCrossesBorder, defaultCrossesInternet, type DataFlowFields } from './data-flow.types';
import { isCountryCode } from './field-checks';

const flow: DataFlowFields = {
  systemId: null,
  from: { kind: 'device', id: '12' },
  to: { kind: 'external', name: 'Cloud', country: 'US' },
  protocol: 'MQTT',
  port: 8883,
  dataClasses: ['telemetry'],
  encrypted: 'yes',
  crossesInternet: true,
  crossesBorder: true,
  description: '',
};

describe('data-flow defaults', () => {
  it('crosses a border when the countries of the ends differ (own ends are in JP unless told)', () => {
    const device = { kind: 'device', id: '1' } as const;
    const system = { kind: 'system', id: 's' } as const;
    expect(defaultCrossesBorder(device, { kind: 'external', name: 'A', country: 'US' })).toBe(true);
    expect(defaultCrossesBorder(device, { kind: 'external', name: 'A', country: 'JP' })).toBe(false);
    expect(defaultCrossesBorder(device, system)).toBe(false);
    expect(
      defaultCrossesBorder(
        { kind: 'external', name: 'A', country: 'DE' },
        { kind: 'external', name: 'B', country: 'DE' },
      ),
    ).toBe(false);
    expect(defaultCrossesBorder(device, { kind: 'external', name: 'A', country: 'JP' }, 'DE')).toBe(true);
    expect(defaultCrossesInternet(device, system)).toBe(false);
    expect(defaultCrossesInternet({ kind: 'external', name: 'A', country: 'JP' }, system)).toBe(true);
  });
});

describe('dataFlowProblems', () => {
  it('accepts a whole flow', () => {
    expect(dataFlowProblems(flow)).toEqual([]);
  });

  it('locates each problem', () => {
    expect(
      dataFlowProblems({
        ...flow,
        from: { kind: 'device', id: 'abc' },
        to: { kind: 'external', name: '', country: 'XX' },
        port: 0,
        dataClasses: ['telemetry', 'secret' as 'telemetry'],
      }).map((problem) => problem.field),
    ).toEqual(['from.id', 'to.name', 'to.country', 'port', 'dataClasses[1]']);
  });

  it('knows country codes', () => {
    expect(['JP', 'US', 'DE', 'SG'].every(isCountryCode)).toBe(true);
    expect(['ZZ', 'QQ', 'jp', 'JPN', ''].some(isCountryCode)).toBe(false);
  });
});

describe('changedFields', () => {
  it('keeps only the fields that differ, deeply, on both sides', () => {
    const changes = changedFields(
      { name: 'A', contacts: [{ name: 'x' }], note: '' },
      { name: 'A', contacts: [{ name: 'y' }], note: '' },
    );
    expect(changes).toEqual({ before: { contacts: [{ name: 'x' }] }, after: { contacts: [{ name: 'y' }] } });
    expect(isUnchanged(changedFields({ a: [1] }, { a: [1] }))).toBe(true);
    expect(changedFields(null, { a: 1 })).toEqual({ before: {}, after: { a: 1 } });
  });
});
