/**
 * Public surface of the map views: the comparisons derived live from the open map (they read
 * it through the maps feature's MapSession, so the map page decides where they appear).
 */
import './map-views.css';
export { AchMatrix } from './components/AchMatrix';
export { ActorsByExplanations } from './components/ActorsByExplanations';
export { ExplanationsSideBySide } from './components/ExplanationsSideBySide';
/** All three under tabs: what the map page's Compare tab loads (features/maps CompareViewsSlot). */
export { MapViews } from './components/MapViews';
