/**
 * One explanation's column in the side-by-side view: who holds and disputes it (the map's
 * stances and the corpus's attributed quotes), its claims, the evidence for and against with
 * counts and quotes, and the questions it raises.
 */
import type { ActorExplanationCell, ExplanationColumn, LinkedNode } from '@marginalia/shared';
import { useId } from 'react';
import type { MapViewNames } from '../hooks/useMapViewContext';
import { QuoteLink } from './QuoteLink';

export interface AchStanding {
  rank: number;
  inconsistency: number;
  of: number;
}

interface ExplanationCardProps {
  workspaceId: string;
  column: ExplanationColumn;
  /** This explanation's cells of the actors x explanations matrix, silent ones left out. */
  actorCells: ActorExplanationCell[];
  names: MapViewNames;
  ach: AchStanding | null;
}

function ActorList({ workspaceId, cells, names }: { workspaceId: string; cells: ActorExplanationCell[]; names: MapViewNames }) {
  if (cells.length === 0) return <p className="muted">Nobody yet.</p>;
  return (
    <ul className="explanation-card__actors">
      {cells.map((cell) => {
        const affiliation = names.affiliation(cell.actorId);
        const onMap = cell.reasons.some((reason) => reason.kind === 'map-stance');
        return (
          <li key={cell.actorId}>
            <span className="explanation-card__actor">{names.actor(cell.actorId)}</span>
            {affiliation && <span className="muted">, {affiliation}</span>}
            {onMap && <span className="map-badge">on the map</span>}
            {cell.reasons.map((reason) =>
              reason.kind === 'attributed-quote' ? (
                <QuoteLink key={`${reason.attributionId}-${reason.link.id}`} workspaceId={workspaceId} link={reason.link} documentTitle={names.document(reason.documentId)} />
              ) : null,
            )}
          </li>
        );
      })}
    </ul>
  );
}

function EvidenceList({ workspaceId, items, names, empty }: { workspaceId: string; items: LinkedNode[]; names: MapViewNames; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="explanation-card__evidence">
      {items.map(({ node, edgeId }) => (
        <li key={edgeId}>
          <span className="map-kind">{node.kind}</span> {node.text}
          {node.evidence.map((link) => (
            <QuoteLink key={link.id} workspaceId={workspaceId} link={link} documentTitle={names.document(link.documentId)} />
          ))}
        </li>
      ))}
    </ul>
  );
}

export function ExplanationCard({ workspaceId, column, actorCells, names, ach }: ExplanationCardProps) {
  const headingId = useId();
  const { explanation, counts } = column;
  const holders = actorCells.filter((cell) => cell.position === 'holds');
  const disputers = actorCells.filter((cell) => cell.position === 'disputes');
  const mixed = actorCells.filter((cell) => cell.position === 'mixed');
  const openQuestions = column.questions.filter((question) => question.open);
  // The explanation's own quotes that an actor said are shown under that actor, not twice.
  const quotedByActors = new Set(actorCells.flatMap((cell) => cell.reasons.flatMap((reason) => (reason.kind === 'attributed-quote' && reason.via === 'explanation' ? [reason.link.id] : []))));
  const ownQuotes = explanation.evidence.filter((link) => !quotedByActors.has(link.id));
  return (
    <article className="explanation-card" aria-labelledby={headingId}>
      <header className="explanation-card__header">
        <h3 id={headingId}>{explanation.text || 'Untitled explanation'}</h3>
        <p className="explanation-card__figures">
          <span>{counts.supporting} for ({counts.supportingQuotes} quotes)</span>
          <span>{counts.opposing} against ({counts.opposingQuotes} quotes)</span>
          {explanation.confidence && <span>Confidence: {explanation.confidence}</span>}
          {ach && (
            <span title="Heuer's inconsistency score: lower holds up better">
              ACH rank {ach.rank} of {ach.of} (inconsistency {ach.inconsistency.toFixed(1)})
            </span>
          )}
        </p>
        {ownQuotes.map((link) => (
          <QuoteLink key={link.id} workspaceId={workspaceId} link={link} documentTitle={names.document(link.documentId)} />
        ))}
      </header>
      <h4>Held by</h4>
      <ActorList workspaceId={workspaceId} cells={holders} names={names} />
      <h4>Disputed by</h4>
      <ActorList workspaceId={workspaceId} cells={disputers} names={names} />
      {mixed.length > 0 && (
        <>
          <h4>Quoted on both sides</h4>
          <ActorList workspaceId={workspaceId} cells={mixed} names={names} />
        </>
      )}
      <h4>Claims</h4>
      {column.claims.length === 0 ? (
        <p className="muted">No claims under it.</p>
      ) : (
        <ul className="explanation-card__claims">
          {column.claims.map(({ node }) => (
            <li key={node.id}>{node.text}</li>
          ))}
        </ul>
      )}
      <h4>Supporting evidence ({counts.supporting})</h4>
      <EvidenceList workspaceId={workspaceId} items={column.supporting} names={names} empty="Nothing supports it yet." />
      <h4>Opposing evidence ({counts.opposing})</h4>
      <EvidenceList workspaceId={workspaceId} items={column.opposing} names={names} empty="Nothing opposes it yet." />
      <h4>Open questions ({openQuestions.length})</h4>
      {column.questions.length === 0 ? (
        <p className="muted">No questions raised.</p>
      ) : (
        <ul className="explanation-card__questions">
          {column.questions.map(({ question, open, answeredBy }) => (
            <li key={question.id}>
              {question.text} <span className={open ? 'map-badge map-badge--open' : 'map-badge'}>{open ? 'open' : `answered by ${answeredBy.map((node) => node.text).join('; ')}`}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
