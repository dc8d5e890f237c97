import type { DataFlowView } from '../../../contracts/inventory/data-flow.schema';

// Lays out a system's data-flow diagram: the organisation's own ends (devices, systems) in a left
// column, external parties and clouds in a right column, one row per distinct end, and one arrow
// per flow. Pure so the layout can be tested without a browser.

type FlowEnd = DataFlowView['from'];

/** A box in the diagram. */
export interface DiagramNode {
  readonly key: string;
  readonly label: string;
  readonly external: boolean;
  readonly country: string | null;
  readonly x: number;
  readonly y: number;
}

/** An arrow between two boxes, with where its label goes. */
export interface DiagramEdge {
  readonly flow: DataFlowView;
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 44;
const ROW_GAP = 28;
const MARGIN = 24;
const WIDTH = 880;

/** A stable key of an end: the same device, system or external party is one box. */
export function endKey(end: FlowEnd): string {
  return end.kind === 'external' ? `external:${end.name}|${end.country}` : `${end.kind}:${end.id}`;
}

/** Places every end of `flows` and routes an arrow for each flow. */
export function layoutDataFlows(flows: readonly DataFlowView[]): DiagramLayout {
  const left: { key: string; label: string; end: FlowEnd }[] = [];
  const right: { key: string; label: string; end: FlowEnd }[] = [];
  const seen = new Set<string>();
  for (const flow of flows) {
    for (const [end, label] of [
      [flow.from, flow.fromLabel],
      [flow.to, flow.toLabel],
    ] as const) {
      const key = endKey(end);
      if (seen.has(key)) continue;
      seen.add(key);
      (end.kind === 'external' ? right : left).push({ key, label, end });
    }
  }
  const rows = Math.max(left.length, right.length, 1);
  const height = MARGIN * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
  const place = (column: typeof left, x: number): DiagramNode[] => {
    // Centre a shorter column against the taller one.
    const columnHeight = column.length * NODE_HEIGHT + Math.max(column.length - 1, 0) * ROW_GAP;
    const top = (height - columnHeight) / 2;
    return column.map((entry, index) => ({
      key: entry.key,
      label: entry.label,
      external: entry.end.kind === 'external',
      country: entry.end.kind === 'external' ? entry.end.country : null,
      x,
      y: top + index * (NODE_HEIGHT + ROW_GAP),
    }));
  };
  const nodes = [...place(left, MARGIN), ...place(right, WIDTH - MARGIN - NODE_WIDTH)];
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  // Flows between the same two boxes fan out so their labels do not sit on one another.
  const pairCount = new Map<string, number>();
  const edges = flows.map((flow) => {
    const from = byKey.get(endKey(flow.from))!;
    const to = byKey.get(endKey(flow.to))!;
    const pair = [from.key, to.key].sort().join('→');
    const index = pairCount.get(pair) ?? 0;
    pairCount.set(pair, index + 1);
    const spread = index * 18;
    const fromY = from.y + NODE_HEIGHT / 2;
    const toY = to.y + NODE_HEIGHT / 2;
    if (from.x === to.x) {
      // Same column: leave from the right edge and come back in an arc towards the middle.
      const x = from.x + NODE_WIDTH;
      const bulge = x + 90 + spread * 2;
      return {
        flow,
        path: `M ${x} ${fromY} C ${bulge} ${fromY}, ${bulge} ${toY}, ${x} ${toY}`,
        labelX: x + 70 + spread * 1.5,
        labelY: (fromY + toY) / 2,
      };
    }
    const fromX = from.x < to.x ? from.x + NODE_WIDTH : from.x;
    const toX = from.x < to.x ? to.x : to.x + NODE_WIDTH;
    const middleX = (fromX + toX) / 2;
    return {
      flow,
      path: `M ${fromX} ${fromY} C ${middleX} ${fromY + spread}, ${middleX} ${toY + spread}, ${toX} ${toY}`,
      labelX: middleX,
      labelY: (fromY + toY) / 2 + spread - 6,
    };
  });
  return { width: WIDTH, height, nodes, edges };
}

/** The arrow's label: protocol and port, e.g. "MQTT:1883". */
export function flowLabel(flow: Pick<DataFlowView, 'protocol' | 'port'>): string {
  return flow.port === null ? flow.protocol : `${flow.protocol}:${flow.port}`;
}
