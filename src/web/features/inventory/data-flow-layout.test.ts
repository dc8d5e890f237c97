import { describe, expect, it } from 'vitest';
import type { DataFlowView } from '../../../contracts/inventory/data-flow.schema';
import { flowLabel, layoutDataFlows, NODE_WIDTH } from './data-flow-layout';

const flow = (overrides: Partial<DataFlowView>): DataFlowView => ({
  id: 'f',
  systemId: 's',
  from: { kind: 'device', id: '1' },
  to: { kind: 'external', name: 'Cloud', country: 'US' },
  protocol: 'MQTT',
  port: 1883,
  dataClasses: [],
  encrypted: 'no',
  crossesInternet: true,
  crossesBorder: true,
  description: '',
  fromLabel: 'CAM-1 Camera',
  toLabel: 'Cloud',
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...overrides,
});

describe('layoutDataFlows', () => {
  it('puts own devices and systems on the left, external parties on the right, each end once', () => {
    const layout = layoutDataFlows([
      flow({ id: 'a' }),
      flow({ id: 'b', from: { kind: 'device', id: '2' }, fromLabel: 'CAM-2' }),
      flow({ id: 'c', from: { kind: 'device', id: '1' }, to: { kind: 'system', id: 's' }, toLabel: 'System' }),
    ]);
    const xOf = (label: string) => layout.nodes.find((node) => node.label === label)?.x;
    expect(layout.nodes.map((node) => node.label).sort()).toEqual(['CAM-1 Camera', 'CAM-2', 'Cloud', 'System']);
    expect(xOf('CAM-1 Camera')).toBe(xOf('System'));
    expect(xOf('Cloud')!).toBeGreaterThan(xOf('CAM-1 Camera')! + NODE_WIDTH);
    expect(layout.nodes.find((node) => node.label === 'Cloud')).toMatchObject({ external: true, country: 'US' });
    expect(layout.edges).toHaveLength(3);
    // Boxes never overlap in a column.
    const left = layout.nodes
      .filter((node) => !node.external)
      .map((node) => node.y)
      .sort((a, b) => a - b);
    expect(left[1]! - left[0]!).toBeGreaterThanOrEqual(44);
  });

  it('fans out two flows between the same ends so their labels differ', () => {
    const layout = layoutDataFlows([flow({ id: 'a' }), flow({ id: 'b', protocol: 'HTTPS', port: 443 })]);
    expect(layout.edges[0]!.labelY).not.toBe(layout.edges[1]!.labelY);
  });

  it('labels arrows protocol:port', () => {
    expect(flowLabel({ protocol: 'MQTT', port: 1883 })).toBe('MQTT:1883');
    expect(flowLabel({ protocol: 'BACnet', port: null })).toBe('BACnet');
  });
});
