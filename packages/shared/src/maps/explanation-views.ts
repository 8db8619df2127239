/**
 * The map's explanations compared: one column per explanation (who holds and disputes it, its
 * claims, the evidence for and against, the questions it raises), and the actors x
 * explanations matrix built from the map's stances and the corpus's attributions. Pure, from a
 * snapshot plus attributions, so the views re-derive live on every change.
 *
 * Definitions (the views say them to the reader too):
 * - Supporting / opposing: nodes of kind evidence or claim with a 'supports' / 'opposes' edge
 *   into the explanation. Direct edges only: evidence for a claim under the explanation is the
 *   claim's, not the explanation's.
 * - Claims under it: claim nodes joined to it by an edge of any kind, either direction.
 * - Questions: question nodes joined to it by an edge, except the questions the explanation
 *   itself answers (its edge 'answers' into the question: the map's central question). Such a
 *   question is open while no node has an 'answers' edge into it.
 * - Actors x explanations: an actor holds an explanation when the map says so (a 'holds'
 *   stance on the explanation node), or when a passage attributed to the actor in the corpus
 *   overlaps a quote cited by the explanation itself or by a node that supports it. An actor
 *   disputes it when the map gives a 'rejects' stance, or an attributed passage overlaps a quote
 *   of a node that opposes it. A stance set on the map wins; otherwise quotes on both sides
 *   make the cell 'mixed'; no link at all is 'silent'. Each link names its document (article).
 */
import type { ActorStance } from './map-vocabulary.js';
import type { EvidenceLink, MapEdge, MapNode, MapSnapshot } from './map-document.js';

/** A span of the corpus attributed to an actor (the attributions API's shape, fields used). */
export interface ActorAttribution {
  id: string;
  actorId: string;
  documentId: string;
  start: number;
  end: number;
}

export interface LinkedNode {
  node: MapNode;
  edgeId: string;
}

export interface ExplanationQuestion {
  question: MapNode;
  answeredBy: MapNode[];
  open: boolean;
}

export interface ExplanationColumn {
  explanation: MapNode;
  /** Actors with a 'holds' / 'rejects' stance on the explanation node itself. */
  holders: string[];
  disputers: string[];
  claims: LinkedNode[];
  supporting: LinkedNode[];
  opposing: LinkedNode[];
  /** Quotes cited by the supporting / opposing nodes, and by the explanation itself. */
  counts: { supporting: number; opposing: number; supportingQuotes: number; opposingQuotes: number; ownQuotes: number };
  /** The questions it answers (usually the map's central question). */
  answers: MapNode[];
  questions: ExplanationQuestion[];
}

const byCreation = (a: MapNode, b: MapNode) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const quoteCount = (linked: readonly LinkedNode[]) => linked.reduce((sum, { node }) => sum + node.evidence.length, 0);

/** Edges into and out of each node, built once per snapshot. */
function edgesByNode(edges: readonly MapEdge[]) {
  const incoming = new Map<string, MapEdge[]>();
  const outgoing = new Map<string, MapEdge[]>();
  const push = (index: Map<string, MapEdge[]>, key: string, edge: MapEdge) => {
    const list = index.get(key);
    if (list) list.push(edge);
    else index.set(key, [edge]);
  };
  for (const edge of edges) {
    push(incoming, edge.target, edge);
    push(outgoing, edge.source, edge);
  }
  return { incoming: (id: string) => incoming.get(id) ?? [], outgoing: (id: string) => outgoing.get(id) ?? [] };
}

function stanceActors(node: MapNode, stance: ActorStance): string[] {
  return Object.entries(node.actors)
    .filter(([, value]) => value === stance)
    .map(([actorId]) => actorId)
    .sort();
}

export function explanationColumns(snapshot: Pick<MapSnapshot, 'nodes' | 'edges'>): ExplanationColumn[] {
  const nodes = new Map(snapshot.nodes.map((node) => [node.id, node]));
  const edges = edgesByNode(snapshot.edges);
  const isArgument = (node: MapNode) => node.kind === 'evidence' || node.kind === 'claim';

  return snapshot.nodes
    .filter((node) => node.kind === 'explanation')
    .sort(byCreation)
    .map((explanation): ExplanationColumn => {
      const supporting: LinkedNode[] = [];
      const opposing: LinkedNode[] = [];
      const claims = new Map<string, LinkedNode>();
      const questions = new Map<string, MapNode>();
      const answers: MapNode[] = [];
      for (const edge of edges.incoming(explanation.id)) {
        const source = nodes.get(edge.source);
        if (!source) continue;
        if (edge.kind === 'supports' && isArgument(source)) supporting.push({ node: source, edgeId: edge.id });
        if (edge.kind === 'opposes' && isArgument(source)) opposing.push({ node: source, edgeId: edge.id });
        if (source.kind === 'claim' && !claims.has(source.id)) claims.set(source.id, { node: source, edgeId: edge.id });
        if (source.kind === 'question') questions.set(source.id, source);
      }
      for (const edge of edges.outgoing(explanation.id)) {
        const target = nodes.get(edge.target);
        if (!target) continue;
        if (target.kind === 'claim' && !claims.has(target.id)) claims.set(target.id, { node: target, edgeId: edge.id });
        if (target.kind === 'question' && edge.kind === 'answers') answers.push(target);
        else if (target.kind === 'question') questions.set(target.id, target);
      }
      for (const answered of answers) questions.delete(answered.id);
      const raised = [...questions.values()].sort(byCreation).map((question): ExplanationQuestion => {
        const answeredBy = edges
          .incoming(question.id)
          .filter((edge) => edge.kind === 'answers')
          .map((edge) => nodes.get(edge.source))
          .filter((node): node is MapNode => node !== undefined)
          .sort(byCreation);
        return { question, answeredBy, open: answeredBy.length === 0 };
      });
      const byNode = (a: LinkedNode, b: LinkedNode) => byCreation(a.node, b.node);
      supporting.sort(byNode);
      opposing.sort(byNode);
      return {
        explanation,
        holders: stanceActors(explanation, 'holds'),
        disputers: stanceActors(explanation, 'rejects'),
        claims: [...claims.values()].sort(byNode),
        supporting,
        opposing,
        counts: {
          supporting: supporting.length,
          opposing: opposing.length,
          supportingQuotes: quoteCount(supporting),
          opposingQuotes: quoteCount(opposing),
          ownQuotes: explanation.evidence.length,
        },
        answers: answers.sort(byCreation),
        questions: raised,
      };
    });
}

export type ActorPosition = 'holds' | 'disputes' | 'mixed' | 'silent';

/** Why an actor stands where they do on an explanation. */
export type ActorPositionReason =
  | { kind: 'map-stance'; stance: ActorStance }
  | {
      kind: 'attributed-quote';
      /** Which side the quote is on, and through which node: the explanation's own quote, or a supporting / opposing node's. */
      side: 'holds' | 'disputes';
      via: 'explanation' | 'supporting' | 'opposing';
      nodeId: string;
      attributionId: string;
      documentId: string;
      link: EvidenceLink;
    };

export interface ActorExplanationCell {
  actorId: string;
  explanationId: string;
  position: ActorPosition;
  reasons: ActorPositionReason[];
  /** Documents (articles) the quotes come from, sorted. */
  documentIds: string[];
}

export interface ActorExplanationMatrix {
  explanations: MapNode[];
  /** Actors with at least one position that is not silent, most engaged first. */
  actors: string[];
  /** cells[actor][explanation], in the orders above. */
  cells: ActorExplanationCell[][];
}

const overlaps = (attribution: ActorAttribution, link: EvidenceLink) =>
  attribution.documentId === link.documentId && attribution.start < link.end && link.start < attribution.end;

function decide(reasons: readonly ActorPositionReason[]): ActorPosition {
  const stance = reasons.find((reason) => reason.kind === 'map-stance');
  if (stance) return stance.stance === 'holds' ? 'holds' : 'disputes';
  const holds = reasons.some((reason) => reason.kind === 'attributed-quote' && reason.side === 'holds');
  const disputes = reasons.some((reason) => reason.kind === 'attributed-quote' && reason.side === 'disputes');
  if (holds && disputes) return 'mixed';
  if (holds) return 'holds';
  return disputes ? 'disputes' : 'silent';
}

export function actorsByExplanations(snapshot: Pick<MapSnapshot, 'nodes' | 'edges'>, attributions: readonly ActorAttribution[]): ActorExplanationMatrix {
  const columns = explanationColumns(snapshot);
  const attributionsByDocument = new Map<string, ActorAttribution[]>();
  for (const attribution of attributions) {
    const list = attributionsByDocument.get(attribution.documentId);
    if (list) list.push(attribution);
    else attributionsByDocument.set(attribution.documentId, [attribution]);
  }
  /** reasons[actorId][explanationIndex] */
  const reasons = new Map<string, ActorPositionReason[][]>();
  const add = (actorId: string, column: number, reason: ActorPositionReason) => {
    let row = reasons.get(actorId);
    if (!row) reasons.set(actorId, (row = columns.map(() => [])));
    row[column]!.push(reason);
  };
  const addQuotes = (column: number, node: MapNode, side: 'holds' | 'disputes', via: 'explanation' | 'supporting' | 'opposing') => {
    for (const link of node.evidence)
      for (const attribution of attributionsByDocument.get(link.documentId) ?? [])
        if (overlaps(attribution, link))
          add(attribution.actorId, column, { kind: 'attributed-quote', side, via, nodeId: node.id, attributionId: attribution.id, documentId: link.documentId, link });
  };
  columns.forEach((column, index) => {
    for (const [actorId, stance] of Object.entries(column.explanation.actors)) add(actorId, index, { kind: 'map-stance', stance });
    addQuotes(index, column.explanation, 'holds', 'explanation');
    for (const { node } of column.supporting) addQuotes(index, node, 'holds', 'supporting');
    for (const { node } of column.opposing) addQuotes(index, node, 'disputes', 'opposing');
  });

  const rows = [...reasons.entries()].map(([actorId, row]) => ({
    actorId,
    cells: row.map((cellReasons, index): ActorExplanationCell => {
      const documentIds = new Set<string>();
      for (const reason of cellReasons) if (reason.kind === 'attributed-quote') documentIds.add(reason.documentId);
      return { actorId, explanationId: columns[index]!.explanation.id, position: decide(cellReasons), reasons: cellReasons, documentIds: [...documentIds].sort() };
    }),
  }));
  const engaged = (row: (typeof rows)[number]) => row.cells.filter((cell) => cell.position !== 'silent').length;
  rows.sort((a, b) => engaged(b) - engaged(a) || a.actorId.localeCompare(b.actorId));
  return { explanations: columns.map((column) => column.explanation), actors: rows.map((row) => row.actorId), cells: rows.map((row) => row.cells) };
}

/** The documents a map cites, so a client knows whose attributions to fetch. */
export function citedDocumentIds(snapshot: Pick<MapSnapshot, 'nodes'>): string[] {
  const ids = new Set<string>();
  for (const node of snapshot.nodes) for (const link of node.evidence) ids.add(link.documentId);
  return [...ids].sort();
}
