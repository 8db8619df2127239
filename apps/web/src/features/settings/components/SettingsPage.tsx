/** /w/:id/settings: details, leaving, owner-only actions and (for admins) the audit log. */
import { canPerform } from '@marginalia/shared';
import { useMemo } from 'react';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { PageHeader, Section } from '../../../ui';
import { AuditLog } from '../../audit';
import { useMembers } from '../../members';
import { useCurrentWorkspace } from '../../workspaces';
import { LeaveWorkspace } from './LeaveWorkspace';
import { OwnerActions } from './OwnerActions';
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const workspace = useCurrentWorkspace();
  const isOwner = canPerform(workspace.myRole, 'workspace.delete');
  const { data: members } = useMembers(workspace.id);
  const people = useMemo(() => new Map((members ?? []).map((member) => [member.userId, member.displayName])), [members]);

  return (
    <div className="page">
      <PageHeader title="Settings" description={<p>How {workspace.name} is described and who is responsible for it.</p>} />
      <Section title="Details">
        {/* Keyed by updatedAt so the form restarts from the saved values after any change. */}
        <WorkspaceDetailsForm key={workspace.updatedAt} workspace={workspace} />
      </Section>
      <Section title="Leave workspace">
        <LeaveWorkspace workspace={workspace} />
      </Section>
      {isOwner && (
        <Section title="Owner actions" tone="danger">
          <OwnerActions workspace={workspace} />
        </Section>
      )}
      {canPerform(workspace.myRole, 'audit.read') && (
        <Section title="Audit log" description="Changes to the workspace and its members, newest first.">
          <AuditLog workspaceId={workspace.id} people={people} />
        </Section>
      )}
    </div>
  );
}
