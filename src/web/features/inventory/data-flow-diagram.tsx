import { useTranslation } from 'react-i18next';
import type { DataFlowView } from '../../../contracts/inventory/data-flow.schema';
import { flowLabel, layoutDataFlows, NODE_HEIGHT, NODE_WIDTH } from './data-flow-layout';

const COLOURS = { yes: '#2e7d32', no: '#c62828', unknown: '#757575', border: '#ef6c00' } as const;

/** Cuts a label to fit its box (the full text is in the box's title). */
const fit = (text: string, max = 26) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A system's data flows as an SVG: own devices and systems on the left, external parties on the
 * right (dashed boxes with their country), arrows labelled protocol:port. Unencrypted flows are
 * red and dashed, flows of unknown encryption grey and dotted, cross-border flows drawn wide in
 * orange under the arrow with the destination country.
 */
export function DataFlowDiagram({ flows, systemName }: { flows: readonly DataFlowView[]; systemName: string }) {
  const { t } = useTranslation();
  const layout = layoutDataFlows(flows);
  return (
    <figure className="data-flow-figure">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={t('dataFlows.diagramLabel', { name: systemName })}
        data-testid="data-flow-diagram"
        style={{ maxWidth: layout.width }}
      >
        <defs>
          {(['yes', 'no', 'unknown'] as const).map((state) => (
            <marker
              key={state}
              id={`flow-arrow-${state}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={COLOURS[state]} />
            </marker>
          ))}
        </defs>
        {layout.edges.map((edge) => {
          const { flow } = edge;
          const country =
            flow.to.kind === 'external' ? flow.to.country : flow.from.kind === 'external' ? flow.from.country : '';
          return (
            <g
              key={flow.id}
              data-testid="data-flow-edge"
              data-encrypted={flow.encrypted}
              data-border={flow.crossesBorder}
            >
              {flow.crossesBorder && (
                <path d={edge.path} fill="none" stroke={COLOURS.border} strokeOpacity={0.35} strokeWidth={9} />
              )}
              <path
                d={edge.path}
                fill="none"
                stroke={COLOURS[flow.encrypted]}
                strokeWidth={2}
                strokeDasharray={flow.encrypted === 'no' ? '7 5' : flow.encrypted === 'unknown' ? '2 4' : undefined}
                markerEnd={`url(#flow-arrow-${flow.encrypted})`}
              />
              <text x={edge.labelX} y={edge.labelY} textAnchor="middle" className="flow-label">
                <tspan fill={COLOURS[flow.encrypted]}>{flowLabel(flow)}</tspan>
                {flow.crossesBorder && country && (
                  <tspan fill={COLOURS.border} fontWeight="bold">{` → ${country}`}</tspan>
                )}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((node) => (
          <g key={node.key} data-testid={node.external ? 'data-flow-external' : 'data-flow-internal'}>
            <title>{node.label}</title>
            <rect
              x={node.x}
              y={node.y}
              width={NODE_WIDTH}
              height={NODE_HEIGHT}
              rx={6}
              fill={node.external ? '#fff8e1' : '#e8f0fe'}
              stroke={node.external ? '#b26a00' : '#3c64b1'}
              strokeDasharray={node.external ? '5 3' : undefined}
            />
            <text x={node.x + 10} y={node.y + (node.external ? 18 : 27)} className="flow-node-label">
              {fit(node.label)}
            </text>
            {node.external && (
              <text x={node.x + 10} y={node.y + 35} className="flow-node-note">
                {`${t('dataFlows.external')} · ${node.country ?? ''}`}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="flow-legend muted">
        <span>{t('dataFlows.legend')}:</span>
        <span style={{ color: COLOURS.yes }}>━ {t('dataFlows.legendEncrypted')}</span>
        <span style={{ color: COLOURS.no }}>╍ {t('dataFlows.legendUnencrypted')}</span>
        <span style={{ color: COLOURS.unknown }}>┈ {t('dataFlows.legendUnknown')}</span>
        <span style={{ color: COLOURS.border }}>▬ {t('dataFlows.legendBorder')}</span>
      </figcaption>
    </figure>
  );
}
