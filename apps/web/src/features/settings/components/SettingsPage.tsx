/**
 * /w/:id/settings: every workspace-level setting in one place: details, the settings other
 * features plug in (`sections`: coding, comments...), leaving, owner-only actions (archive,
 * transfer, delete) and, for admins, the audit log. Editable for admins and owners as each
 * setting allows; read-only for everyone else.
 */
import { canPerform } from '@marginalia/shared';
import { useMemo } from 'react';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, PageHeader, Section } from '../../../ui';
import { AuditLog } from '../../audit';
import { useMembers } from '../../members';
import { useCurrentWorkspace } from '../../workspaces';
import type { WorkspaceSettingsSection } from '../settings-sections';
import { LeaveWorkspace } from './LeaveWorkspace';
import { OwnerActions } from './OwnerActions';
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm';

export function SettingsPage({ sections = [] }: { sections?: readonly WorkspaceSettingsSection[] }) {
  useDocumentTitle('Settings');
  const workspace = useCurrentWorkspace();
  const isOwner = canPerform(workspace.myRole, 'workspace.delete');
  const canChange = canPerform(workspace.myRole, 'workspace.update');
  const { data: members } = useMembers(workspace.id);
  const people = useMemo(() => new Map((members ?? []).map((member) => [member.userId, member.displayName])), [members]);

  return (
    <div className="page">
      <PageHeader title="Settings" description={<p>How {workspace.name} is described, how its team works in it, and who is responsible for it.</p>} />
      {!canChange && <Alert tone="info">You can read these settings; admins and owners of the workspace change them.</Alert>}
      <Section title="Details">
        {/* Keyed by updatedAt so the form restarts from the saved values after any change. */}
        <WorkspaceDetailsForm key={workspace.updatedAt} workspace={workspace} />
      </Section>
      {sections.map(({ id, title, description, Component }) => (
        <Section key={id} title={title} description={description}>
          <Component workspace={workspace} />
        </Section>
      ))}
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
