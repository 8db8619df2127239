/**
 * Analysts by explanations: the corpus's actors down the side, the map's explanations across,
 * each cell holds / disputes / quoted on both sides / silent, with the articles the position
 * comes from (links into the reader at the quote). Rules in shared explanation-views.ts.
 */
import { actorsByExplanations, type ActorExplanationCell, type ActorPosition } from '@marginalia/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { documentPath } from '../../../lib/reader-links';
import { EmptyState } from '../../../ui';
import { useMapSession, useMapSnapshot } from '../../maps';
import { useMapAttributions, useMapViewNames, type MapViewNames } from '../hooks/useMapViewContext';

const POSITION_LABELS: Record<ActorPosition, string> = { holds: 'Holds', disputes: 'Disputes', mixed: 'Both sides', silent: 'Silent' };
const POSITION_MARKS: Record<ActorPosition, string> = { holds: '✓', disputes: '✗', mixed: '±', silent: '·' };

function PositionCell({ workspaceId, cell, names }: { workspaceId: string; cell: ActorExplanationCell; names: MapViewNames }) {
  const quotes = cell.reasons.flatMap((reason) => (reason.kind === 'attributed-quote' ? [reason] : []));
  const onMap = cell.reasons.some((reason) => reason.kind === 'map-stance');
  return (
    <td className={`actor-matrix__cell actor-matrix__cell--${cell.position}`}>
      <span className="actor-matrix__position">
        <span aria-hidden="true">{POSITION_MARKS[cell.position]}</span> {POSITION_LABELS[cell.position]}
      </span>
      {onMap && <span className="actor-matrix__source">on the map</span>}
      {quotes.length > 0 && (
        <ul className="actor-matrix__sources">
          {quotes.map((quote) => (
            <li key={`${quote.attributionId}-${quote.link.id}`}>
              <Link to={documentPath(workspaceId, quote.documentId, { span: { start: quote.link.start, end: quote.link.end } })} title={quote.link.exact}>
                {names.document(quote.documentId)}
              </Link>
              <span className="muted"> ({quote.side === 'holds' ? 'for' : 'against'})</span>
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

export function ActorsByExplanations() {
  const { workspaceId } = useMapSession();
  const snapshot = useMapSnapshot();
  const names = useMapViewNames(workspaceId);
  const { attributions, error } = useMapAttributions(workspaceId, snapshot);
  const matrix = useMemo(() => actorsByExplanations(snapshot, attributions), [snapshot, attributions]);

  if (matrix.explanations.length === 0) return <EmptyState title="No explanations yet">Add explanation nodes to the map to see who holds which.</EmptyState>;
  if (matrix.actors.length === 0)
    return (
      <EmptyState title="No actors linked yet">
        Give an explanation the actors who hold or reject it, or cite passages attributed to actors in the corpus.
      </EmptyState>
    );
  return (
    <section className="map-view" aria-label="Analysts by explanations">
      {error && <p className="muted">The corpus&apos;s attributions could not be loaded; positions come from the map only.</p>}
      <p className="muted map-view__hint">
        An analyst holds an explanation when the map says so, or when a passage attributed to them is quoted by the explanation or by evidence supporting it; disputes it
        when the map says so or their passage is quoted against it.
      </p>
      {/* A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="map-table-scroll" tabIndex={0} role="region" aria-label="Analysts by explanations table">
        <table className="actor-matrix">
          <caption className="visually-hidden">Which analyst holds or disputes which explanation, and from which article</caption>
          <thead>
            <tr>
              <th scope="col">Analyst</th>
              {matrix.explanations.map((explanation) => (
                <th scope="col" key={explanation.id}>
                  {explanation.text || 'Untitled explanation'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.actors.map((actorId, row) => (
              <tr key={actorId}>
                <th scope="row">
                  {names.actor(actorId)}
                  {names.affiliation(actorId) && (
                    <span className="actor-matrix__affiliation" title={names.affiliation(actorId) ?? undefined}>
                      {names.affiliation(actorId)}
                    </span>
                  )}
                </th>
                {matrix.cells[row]!.map((cell) => (
                  <PositionCell key={cell.explanationId} workspaceId={workspaceId} cell={cell} names={names} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
