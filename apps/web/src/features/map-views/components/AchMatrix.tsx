/**
 * Analysis of Competing Hypotheses over the open map: the grid of evidence by explanation, the
 * ranking and most disputed cells, and the details of the focused cell. Ratings and weights
 * live in the map's Yjs document (rateCell / weighEvidence, as the signed-in member), so every
 * member sees them change live; in blind mode each sees only their own until revealed. Cells
 * show how many threads discuss them; the focused cell's details open its discussion.
 */
import { computeAchMatrix, rateCell, ratingsHidden, revealRatings, setBlindRatings, visibleRatings, weighEvidence, type AchCell, type AchRating, type MapNodeKind } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../../ui';
import { MapThreadsProvider } from '../../discussion';
import { useMapSession, useMapSnapshot } from '../../maps';
import { useGridFocus } from '../hooks/useGridFocus';
import { useMapViewNames } from '../hooks/useMapViewContext';
import { AchDetails } from './AchDetails';
import { AchGrid } from './AchGrid';
import { AchSummary } from './AchSummary';
import { AchToolbar } from './AchToolbar';

const EVIDENCE_ONLY: readonly MapNodeKind[] = ['evidence'];
const WITH_ARGUMENTS: readonly MapNodeKind[] = ['evidence', 'claim', 'assumption'];

export function AchMatrix() {
  const { doc, userId, readOnly, workspaceId, map } = useMapSession();
  const snapshot = useMapSnapshot();
  const names = useMapViewNames(workspaceId);
  const [includeArguments, setIncludeArguments] = useState(false);
  const blind = ratingsHidden(snapshot.settings);
  const matrix = useMemo(
    () => computeAchMatrix(visibleRatings(snapshot, userId), { evidenceKinds: includeArguments ? WITH_ARGUMENTS : EVIDENCE_ONLY }),
    [snapshot, userId, includeArguments],
  );
  const raterCount = useMemo(() => new Set(snapshot.ratings.map((entry) => entry.userId)).size, [snapshot.ratings]);
  const disputed = useMemo(() => new Set(matrix.mostDisputed), [matrix]);
  const grid = useGridFocus(matrix.evidence.length + 1, matrix.hypotheses.length + 1);
  const myWeights = useMemo(() => new Map(snapshot.weights.filter((entry) => entry.userId === userId).map((entry) => [entry.evidenceId, entry])), [snapshot.weights, userId]);

  const rate = (cell: AchCell, rating: AchRating | null) => {
    if (!readOnly) rateCell(doc, userId, cell.hypothesisId, cell.evidenceId, rating);
  };
  const showCell = (cell: AchCell) => {
    const h = matrix.hypotheses.findIndex((row) => row.hypothesis.id === cell.hypothesisId);
    const e = matrix.evidence.findIndex((column) => column.evidence.id === cell.evidenceId);
    if (h >= 0 && e >= 0) grid.focusCell({ row: e + 1, column: h + 1 });
  };

  if (matrix.hypotheses.length === 0 || matrix.evidence.length === 0)
    return (
      <EmptyState title="Nothing to weigh yet">
        The matrix needs at least one explanation and one piece of evidence on the map{includeArguments ? ' (or a claim or assumption)' : ''}.
      </EmptyState>
    );

  const { row, column } = grid.active;
  const hypothesis = column > 0 ? (matrix.hypotheses[column - 1] ?? null) : null;
  const evidence = row > 0 ? (matrix.evidence[row - 1] ?? null) : null;
  const cell = hypothesis && evidence ? (matrix.cells[column - 1]![row - 1] ?? null) : null;
  return (
    <section className="map-view ach" aria-label="Analysis of competing hypotheses">
      <AchToolbar
        readOnly={readOnly}
        blind={snapshot.settings.blindRatings}
        revealed={snapshot.settings.ratingsRevealed}
        raterCount={raterCount}
        includeArguments={includeArguments}
        onIncludeArguments={setIncludeArguments}
        onBlind={(on) => setBlindRatings(doc, on)}
        onReveal={(on) => revealRatings(doc, on)}
      />
      <AchSummary matrix={matrix} userId={userId} blind={blind} onShowCell={showCell} />
      <p className="muted map-view__hint" id="ach-keys">
        Arrow keys move through the grid; Enter opens the rating menu; 1–6 rate CC, C, N, I, II, NA at once; Delete clears. Scores count I as 1 and II as 2, times the
        evidence&apos;s weight: the lower, the better the explanation holds up.
      </p>
      <div className="ach__body">
        {/* Scrolls with the focused cell: the grid's own roving focus is the keyboard's way in. */}
        <div className="map-table-scroll ach__scroll" role="region" aria-label="ACH matrix" aria-describedby="ach-keys">
          <MapThreadsProvider workspaceId={workspaceId} mapId={map.id}>
            <AchGrid matrix={matrix} userId={userId} readOnly={readOnly} blind={blind} grid={grid} disputed={disputed} onRate={rate} />
          </MapThreadsProvider>
        </div>
        <AchDetails
          workspaceId={workspaceId}
          userId={userId}
          readOnly={readOnly}
          blind={blind}
          members={matrix.members}
          names={names}
          hypothesis={hypothesis}
          evidence={evidence}
          cell={cell}
          myWeight={evidence ? (myWeights.get(evidence.evidence.id) ?? null) : null}
          onRate={rate}
          onWeigh={(evidenceId, weight) => !readOnly && weighEvidence(doc, userId, evidenceId, weight)}
        />
      </div>
    </section>
  );
}
