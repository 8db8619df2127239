/** Public surface of the notebook feature: the shared Markdown notebook of a workspace. */
export { notebookKeys, NOTEBOOK_TEXT } from './api';
export { NotebookPage } from './components/NotebookPage';
