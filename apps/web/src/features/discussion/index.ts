/**
 * Public surface of the discussion feature: the Discussion page, the reader layer, the header's
 * notifications bell, and "Comment" entry points for tags, documents and map parts (nodes, links, ACH cells).
 */
import './workspace-events';
import './discussion.css';
export { discussionKeys } from './api';
export { discussionPath } from './anchor-links';
export { AnchorDiscussionButton } from './components/AnchorDiscussionButton';
export { CommentOnButton } from './components/CommentOnButton';
export { DiscussionPage } from './components/DiscussionPage';
export { DiscussionSettingsSection } from './components/DiscussionSettingsSection';
export { describeThreads, MapThreadsProvider, ThreadCountMark, useMapPartThreads } from './components/MapThreads';
export { NewThreadDialog } from './components/NewThreadDialog';
export { NotificationsBell } from './components/NotificationsBell';
export { discussionLayer } from './reader-layer';
export { useMapThreads } from './hooks/useMapThreads';
export { useThreads } from './hooks/useThreads';
export { mapAnchorKey, type AnchorThreads, type MapAnchorInput } from './map-anchors';
