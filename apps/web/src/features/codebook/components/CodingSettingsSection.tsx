/**
 * The coding settings on the workspace settings page: the same panel as the codebook's, for admins
 * and owners; everyone else reads what is in force.
 */
import type { Workspace } from '@marginalia/shared';
import { ErrorState, LoadingState } from '../../../ui';
import { useWorkspacePermission } from '../../workspaces';
import { useCodingSettings, useUpdateCodingSettings } from '../hooks/useCodebook';
import { CodingSettingsPanel } from './CodingSettingsPanel';

export function CodingSettingsSection({ workspace }: { workspace: Workspace }) {
  const settings = useCodingSettings(workspace.id);
  const update = useUpdateCodingSettings(workspace.id);
  const canManage = useWorkspacePermission('codebook.manage') && workspace.archivedAt === null;
  if (settings.isPending) return <LoadingState label="Loading the coding settings…" />;
  if (settings.error) return <ErrorState title="The coding settings could not be loaded" error={settings.error} onRetry={() => void settings.refetch()} />;
  if (canManage) return <CodingSettingsPanel settings={settings.data} canManage busy={update.isPending} onChange={(body) => update.mutate(body)} />;
  return (
    <dl className="settings-summary" aria-label="Coding settings in force">
      <dt>Editors may add tags while coding</dt>
      <dd>{settings.data.editorsCreateTags ? 'Yes' : 'No: only admins and owners add tags'}</dd>
      <dt>Blind coding</dt>
      <dd>{settings.data.blindCoding ? (settings.data.revealedAt === null ? 'On: each analyst sees only their own annotations' : 'On, revealed') : 'Off'}</dd>
    </dl>
  );
}
