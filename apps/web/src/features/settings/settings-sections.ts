/**
 * A workspace-level setting another feature owns, shown on the workspace's settings page. The page
 * knows none of them by name: the app lists them (app/workspace-settings-sections.ts), each
 * feature renders its own, with its own endpoints, editable or read-only by the viewer's role.
 */
import type { Workspace } from '@marginalia/shared';
import type { ComponentType } from 'react';

export interface WorkspaceSettingsSection {
  id: string;
  title: string;
  description: string;
  Component: ComponentType<{ workspace: Workspace }>;
}
