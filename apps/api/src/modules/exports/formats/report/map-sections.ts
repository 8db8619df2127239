/**
 * Report sections for argument maps: each map as a nested outline (what answers, supports or
 * opposes what) plus a Mermaid flowchart, its explanations side by side, and its ACH matrix
 * with the team's inconsistency scores. Mermaid ids are n0, n1... (never `end`), labels quoted.
 */
import { ACH_RATINGS, computeAchMatrix, explanationColumns, type AchRating, type ExportMap } from '@marginalia/shared';
import type { SnapshotIndex } from '../snapshot-index.js';
import { figure, mdCell, mdInline, mdTable } from './markdown-text.js';

type MapNode = ExportMap['nodes'][number];

const byCreation = (a: MapNode, b: MapNode) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const KIND_LABEL: Record<MapNode['kind'], string> = { question: 'Question', explanation: 'Explanation', claim: 'Claim', evidence: 'Evidence', assumption: 'Assumption', note: 'Note' };

export function mapOutline(map: ExportMap): string {
  const nodes = new Map(map.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, ExportMap['edges']>();
  const hasOutgoing = new Set<string>();
  for (const edge of [...map.edges].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge]);
    hasOutgoing.add(edge.source);
  }
  const lines: string[] = [];
  const visit = (node: MapNode, depth: number, relation: string | null, path: Set<string>) => {
    const quotes = node.evidence.length ? ` (${node.evidence.length} quote${node.evidence.length === 1 ? '' : 's'})` : '';
    lines.push(`${'  '.repeat(depth)}- ${relation ? `*${relation}:* ` : ''}**${KIND_LABEL[node.kind]}** ${mdInline(node.text || '(untitled)')}${quotes}`);
    if (path.has(node.id)) return;
    const next = new Set(path).add(node.id);
    const children = (incoming.get(node.id) ?? []).map((edge) => ({ edge, node: nodes.get(edge.source)! })).sort((a, b) => byCreation(a.node, b.node));
    for (const child of children) visit(child.node, depth + 1, child.edge.kind, next);
  };
  const roots = map.nodes.filter((node) => !hasOutgoing.has(node.id)).sort(byCreation);
  for (const root of roots) visit(root, 0, null, new Set());
  return lines.join('\n') || '(empty map)';
}

export function mapMermaid(map: ExportMap): string {
  const ids = new Map([...map.nodes].sort(byCreation).map((node, i) => [node.id, `n${i}`]));
  const label = (text: string) => text.replace(/"/g, '#quot;').replace(/[<>]/g, (char) => (char === '<' ? '#lt;' : '#gt;')).replace(/\r\n?|\n/g, ' ');
  const shape = (node: MapNode, text: string) => (node.kind === 'question' ? `{"${text}"}` : node.kind === 'explanation' ? `(["${text}"])` : node.kind === 'evidence' ? `[/"${text}"/]` : `["${text}"]`);
  const lines = ['```mermaid', 'flowchart BT'];
  for (const node of [...map.nodes].sort(byCreation)) lines.push(`  ${ids.get(node.id)}${shape(node, label(`${KIND_LABEL[node.kind]}: ${node.text || '(untitled)'}`))}`);
  for (const edge of [...map.edges].sort((a, b) => a.id.localeCompare(b.id))) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source && target) lines.push(`  ${source} ${edge.kind === 'opposes' ? '-.->' : '-->'}|"${edge.kind}"| ${target}`);
  }
  lines.push('```');
  return lines.join('\n');
}

export function explanationsTable(map: ExportMap): string {
  const columns = explanationColumns(map);
  if (columns.length === 0) return 'No explanations in this map.';
  const list = (items: readonly { node: MapNode }[]) => items.map(({ node }) => mdCell(node.text)).join('<br>') || '–';
  const rows = [
    ['Confidence', ...columns.map((column) => column.explanation.confidence ?? '–')],
    ['Supported by', ...columns.map((column) => list(column.supporting))],
    ['Opposed by', ...columns.map((column) => list(column.opposing))],
    ['Claims', ...columns.map((column) => list(column.claims))],
    ['Quotes for / against', ...columns.map((column) => `${column.counts.supportingQuotes} / ${column.counts.opposingQuotes}`)],
  ];
  return mdTable(['', ...columns.map((column) => mdCell(column.explanation.text))], rows);
}

export function achTable(map: ExportMap, index: SnapshotIndex): string {
  const matrix = computeAchMatrix(map);
  if (matrix.hypotheses.length === 0 || matrix.evidence.length === 0) return 'No ACH matrix: the map needs explanations and evidence.';
  const majority = (distribution: Record<AchRating, number>) => {
    const best = ACH_RATINGS.filter((rating) => distribution[rating] > 0).sort((a, b) => distribution[b] - distribution[a]);
    return best.length ? best.map((rating) => `${rating}×${distribution[rating]}`).join(' ') : '·';
  };
  const header = ['Evidence', ...matrix.hypotheses.map((score) => mdCell(score.hypothesis.text)), 'Weight', 'Diagnosticity'];
  const rows = matrix.evidence.map((evidence, e) => [
    mdCell(evidence.evidence.text),
    ...matrix.hypotheses.map((_, h) => majority(matrix.cells[h]![e]!.distribution)),
    figure(evidence.teamWeight),
    figure(evidence.diagnosticity),
  ]);
  rows.push(['**Inconsistency (lower holds up better)**', ...matrix.hypotheses.map((score) => `**${figure(score.inconsistency)}** (rank ${score.rank})`), '', '']);
  const raters = matrix.members.map((id) => mdInline(index.memberName(id))).join(', ') || 'nobody yet';
  return [`Ratings by ${raters}. Cells show how many chose each rating (CC very consistent … II very inconsistent, NA not applicable).`, '', mdTable(header, rows)].join('\n');
}

export function mapsSection(maps: readonly ExportMap[], index: SnapshotIndex, parts: { outline: boolean; explanations: boolean; ach: boolean }): string {
  const out = ['## Argument maps'];
  if (maps.length === 0) out.push('', 'No argument maps.');
  for (const map of maps) {
    out.push('', `### ${mdInline(map.title)}${map.archived ? ' (archived)' : ''}`);
    if (parts.outline) out.push('', mapOutline(map), '', mapMermaid(map));
    if (parts.explanations) out.push('', '#### Explanations side by side', '', explanationsTable(map));
    if (parts.ach) out.push('', '#### ACH matrix', '', achTable(map, index));
  }
  return out.join('\n');
}
