/** /w/:id/members: the people in the workspace, inviting more, and open invites. */
import { canPerform } from '@marginalia/shared';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, ErrorState, LoadingState, PageHeader, Section } from '../../../ui';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { useMembers } from '../hooks/useMembers';
import { BulkInviteForm } from './BulkInviteForm';
import { InviteMemberForm } from './InviteMemberForm';
import { MembersTable } from './MembersTable';
import { PendingInvites } from './PendingInvites';

export function MembersPage() {
  useDocumentTitle('Members');
  const workspace = useCurrentWorkspace();
  const { data: members, error, isPending, refetch } = useMembers(workspace.id);
  const canInvite = useWorkspacePermission('invites.manage');
  const canSeeInvites = canPerform(workspace.myRole, 'invites.read');
  const archived = workspace.archivedAt !== null;

  return (
    <div className="page">
      <PageHeader title="Members" description={<p>Who can read, annotate and administer {workspace.name}.</p>} />
      {canInvite && (
        <Section title="Invite someone" description="They get an invite link (emailed when email is configured) and join when they accept it.">
          <InviteMemberForm />
        </Section>
      )}
      {canInvite && (
        <Section title="Invite several people" description="Paste a list; each line is invited or skipped with its reason.">
          <BulkInviteForm />
        </Section>
      )}
      {archived && canPerform(workspace.myRole, 'invites.manage') && (
        <Alert tone="warning">This workspace is archived: an owner has to unarchive it before anyone new can be invited.</Alert>
      )}
      <Section title="People">
        {isPending && <LoadingState label="Loading members…" />}
        {error && <ErrorState title="Members could not be loaded" error={error} onRetry={() => void refetch()} />}
        {members && <MembersTable workspace={workspace} members={members} />}
      </Section>
      {canSeeInvites && (
        <Section title="Pending invites">
          <PendingInvites workspaceId={workspace.id} canManage={canInvite} />
        </Section>
      )}
    </div>
  );
}
