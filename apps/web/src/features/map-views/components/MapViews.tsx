/**
 * The comparison views of the open map under one set of tabs, as the map page's "Compare" tab
 * shows them. Only the chosen view is mounted: each re-derives its figures on every change to
 * the map, so the hidden ones would only cost time.
 */
import { useState } from 'react';
import { Tabs } from '../../../ui';
import { AchMatrix } from './AchMatrix';
import { ActorsByExplanations } from './ActorsByExplanations';
import { ExplanationsSideBySide } from './ExplanationsSideBySide';

type MapViewKey = 'ach' | 'side-by-side' | 'analysts';

export function MapViews() {
  const [view, setView] = useState<MapViewKey>('ach');
  return (
    <Tabs
      label="Compare explanations"
      className="map-views"
      selected={view}
      onSelect={setView}
      items={[
        { key: 'ach', label: 'ACH matrix', panel: view === 'ach' ? <AchMatrix /> : null },
        { key: 'side-by-side', label: 'Side by side', panel: view === 'side-by-side' ? <ExplanationsSideBySide /> : null },
        { key: 'analysts', label: 'Analysts by explanations', panel: view === 'analysts' ? <ActorsByExplanations /> : null },
      ]}
    />
  );
}
