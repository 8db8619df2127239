/** Public surface of the workspace settings feature. */
export { SettingsPage } from './components/SettingsPage';
export type { WorkspaceSettingsSection } from './settings-sections';
