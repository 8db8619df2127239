/**
 * One node on the canvas: its kind, text, who holds or rejects it, and how much evidence it
 * cites, and how many threads discuss it; outlined in a colleague's colour while they have it
 * selected.
 *
 * Memoised on what it shows (its data and whether it is selected): React Flow re-renders every
 * node wrapper when it measures or moves them, and their positions and sizes are not drawn here.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { formatCount } from '../../../lib/format';
import { ThreadCountMark, useMapPartThreads } from '../../discussion';
import { CONFIDENCE_LABELS, NODE_KIND_LABELS, nodeTitle } from './map-labels';
import type { MapFlowNode } from './to-flow';

export const MapNodeView = memo(MapNodeContent, (before, after) => before.data === after.data && before.selected === after.selected);

function MapNodeContent({ data, selected }: NodeProps<MapFlowNode>) {
  const { node, peers } = data;
  const holders = Object.values(node.actors).filter((stance) => stance === 'holds').length;
  const rejecters = Object.values(node.actors).length - holders;
  const firstPeer = peers[0];
  const style = firstPeer ? ({ '--peer-color': firstPeer.color } as CSSProperties) : undefined;
  const threads = useMapPartThreads({ kind: 'map-node', elementId: node.id });
  return (
    <div className={`map-node map-node--${node.kind}${selected ? ' map-node--selected' : ''}${firstPeer ? ' map-node--peer' : ''}`} style={style}>
      <Handle type="target" position={Position.Top} />
      <div className="map-node__kind">
        {NODE_KIND_LABELS[node.kind]}
        {node.confidence && <span className="map-node__confidence"> · {CONFIDENCE_LABELS[node.confidence]} confidence</span>}
        <ThreadCountMark threads={threads} className="map-node__threads" />
      </div>
      <div className="map-node__text">{nodeTitle(node.text)}</div>
      {(holders > 0 || rejecters > 0 || node.evidence.length > 0) && (
        <div className="map-node__meta">
          {holders > 0 && <span>{formatCount(holders, 'holder')}</span>}
          {rejecters > 0 && <span>{formatCount(rejecters, 'critic')}</span>}
          {node.evidence.length > 0 && <span>{formatCount(node.evidence.length, 'quote')}</span>}
        </div>
      )}
      {/* The quote, unless the node's text already is it (a passage dropped as it is). */}
      {node.kind === 'evidence' && node.evidence[0] && !sameWords(node.evidence[0].exact, node.text) && <blockquote className="map-node__quote">“{node.evidence[0].exact.slice(0, 160)}”</blockquote>}
      {peers.length > 0 && (
        <div className="map-node__peers">
          {peers.map((peer) => (
            <span key={peer.name} className="map-node__peer" style={{ '--peer-color': peer.color } as CSSProperties}>
              {peer.name}
            </span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

function sameWords(quote: string, text: string): boolean {
  const words = (value: string) => value.replace(/\s+/g, ' ').replace(/…$/, '').trim();
  return words(quote).startsWith(words(text));
}
