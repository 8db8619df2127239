/**
 * The workspace-level settings other features own, in the order the settings page shows them
 * (between the workspace's details and leaving it): the one place that names them.
 */
import { CodingSettingsSection } from '../features/codebook';
import { DiscussionSettingsSection } from '../features/discussion';
import type { WorkspaceSettingsSection } from '../features/settings';

export const WORKSPACE_SETTINGS_SECTIONS: readonly WorkspaceSettingsSection[] = [
  {
    id: 'coding',
    title: 'Coding',
    description: 'Who may add tags while coding, and blind coding rounds (also on the Codebook page).',
    Component: CodingSettingsSection,
  },
  {
    id: 'discussion',
    title: 'Comments',
    description: 'Who may discuss passages, tags and maps. Set by each person’s role.',
    Component: DiscussionSettingsSection,
  },
];
