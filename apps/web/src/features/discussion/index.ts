/**
 * Public surface of the discussion feature: the Discussion page, the reader layer, the header's
 * notifications bell, and "Comment" entry points for tags and documents (maps use NewThreadDialog).
 */
import './workspace-events';
import './discussion.css';
export { discussionKeys } from './api';
export { discussionPath } from './anchor-links';
export { CommentOnButton } from './components/CommentOnButton';
export { DiscussionPage } from './components/DiscussionPage';
export { NewThreadDialog } from './components/NewThreadDialog';
export { NotificationsBell } from './components/NotificationsBell';
export { discussionLayer } from './reader-layer';
export { useThreads } from './hooks/useThreads';
