/**
 * Explanations side by side: one column per explanation of the open map, re-derived live on
 * every change. Which actors hold or dispute each comes from the map's stances and from the
 * corpus's attributions of the quotes it cites (see explanation-views.ts in shared).
 */
import { actorsByExplanations, computeAchMatrix, explanationColumns, visibleRatings } from '@marginalia/shared';
import { useMemo } from 'react';
import { EmptyState } from '../../../ui';
import { useMapSession, useMapSnapshot } from '../../maps';
import { useMapAttributions, useMapViewNames } from '../hooks/useMapViewContext';
import { ExplanationCard, type AchStanding } from './ExplanationCard';

export function ExplanationsSideBySide() {
  const { workspaceId, userId } = useMapSession();
  const snapshot = useMapSnapshot();
  const names = useMapViewNames(workspaceId);
  const { attributions, error } = useMapAttributions(workspaceId, snapshot);
  const columns = useMemo(() => explanationColumns(snapshot), [snapshot]);
  const actorMatrix = useMemo(() => actorsByExplanations(snapshot, attributions), [snapshot, attributions]);
  const standings = useMemo(() => {
    const matrix = computeAchMatrix(visibleRatings(snapshot, userId));
    const rated = matrix.hypotheses.some((row) => row.ratedCells > 0);
    return new Map(matrix.hypotheses.map((row): [string, AchStanding | null] => [row.hypothesis.id, rated ? { rank: row.rank, inconsistency: row.inconsistency, of: matrix.hypotheses.length } : null]));
  }, [snapshot, userId]);

  if (columns.length === 0) return <EmptyState title="No explanations yet">Add explanation nodes to the map to compare them here.</EmptyState>;
  return (
    <section className="map-view" aria-label="Explanations side by side">
      <p className="muted map-view__hint">
        {columns.length} {columns.length === 1 ? 'explanation' : 'explanations'}, in the order they were added{columns.length > 1 ? '; scroll sideways for the others' : ''}. Supporting
        and opposing evidence are the evidence and claims linked to an explanation by a supports or opposes edge.
      </p>
      {error && <p className="muted">The corpus&apos;s attributions could not be loaded; actors come from the map only.</p>}
      {/* A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="explanation-columns" tabIndex={0} role="region" aria-label="Explanation columns">
        {columns.map((column, index) => (
          <ExplanationCard
            key={column.explanation.id}
            workspaceId={workspaceId}
            column={column}
            actorCells={actorMatrix.cells.map((row) => row[index]!).filter((cell) => cell.position !== 'silent')}
            names={names}
            ach={standings.get(column.explanation.id) ?? null}
          />
        ))}
      </div>
    </section>
  );
}
