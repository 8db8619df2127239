/**
 * The comparison views (ACH matrix, explanations side by side, actors x explanations) live in
 * features/map-views, built separately; they are loaded only when their tab opens, and only
 * if that feature exists in this build. It exports `MapViews`, a component that reads the
 * open map through useMapSession()/useMapSnapshot().
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../../../ui';

const modules = import.meta.glob<{ MapViews?: ComponentType }>('../../map-views/index.{ts,tsx}');
const load = Object.values(modules)[0];

const MapViews = load
  ? lazy(async () => {
      const module = await load();
      return { default: module.MapViews ?? Unavailable };
    })
  : null;

function Unavailable() {
  return <p className="muted">The comparison views are not part of this build yet.</p>;
}

export function CompareViewsSlot() {
  if (!MapViews) return <Unavailable />;
  return (
    <Suspense fallback={<LoadingState label="Loading the comparison views…" />}>
      <MapViews />
    </Suspense>
  );
}
