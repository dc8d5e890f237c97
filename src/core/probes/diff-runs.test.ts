import { describe, expect, it } from 'vitest';
import { diffRuns } from './diff-runs';
import { observe, type ObservationInput } from './observation';
import type { TargetResult } from './probe-result';

const at = new Date('2026-01-01T00:00:00Z');
function target(address: string, openPorts: number[], inputs: ObservationInput[]): TargetResult {
  return { address, openPorts, observations: inputs.map((input) => observe(address, input, at)) };
}
const telnet: ObservationInput = { check: 'telnet', result: 'fail', findings: ['telnet_open'], port: 23 };
const mqttOpen: ObservationInput = { check: 'mqtt', result: 'fail', findings: ['mqtt_anonymous_accepted'], port: 1883 };
const mqttClosed: ObservationInput = {
  check: 'mqtt',
  result: 'pass',
  findings: ['mqtt_authentication_required'],
  port: 1883,
};

describe('diffRuns', () => {
  it('reports opened and closed ports and changed results per target', () => {
    const previous = { targets: [target('10.0.0.1', [23, 1883], [telnet, mqttOpen]), target('10.0.0.2', [80], [])] };
    const current = { targets: [target('10.0.0.1', [22, 1883], [mqttClosed]), target('10.0.0.3', [], [])] };
    expect(diffRuns(previous, current)).toEqual({
      addedTargets: ['10.0.0.3'],
      removedTargets: ['10.0.0.2'],
      targets: [
        {
          address: '10.0.0.1',
          openedPorts: [22],
          closedPorts: [23],
          changed: [
            { check: 'mqtt', port: 1883, before: 'fail', after: 'pass', items: ['jssec-v2:26'] },
            { check: 'telnet', port: 23, before: 'fail', after: null, items: ['jssec-v2:23', 'jssec-v2:32'] },
          ],
        },
      ],
    });
  });

  it('is empty for identical runs', () => {
    const run = { targets: [target('10.0.0.1', [23], [telnet])] };
    expect(diffRuns(run, run)).toEqual({ addedTargets: [], removedTargets: [], targets: [] });
  });
});
