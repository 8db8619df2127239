/**
 * Invitations waiting for the signed-in person's answer. Being invited never makes anyone a
 * member: they accept (and go to the workspace) or decline here. Nothing shows when there are none.
 */
import type { MyInvitation } from '@marginalia/shared';
import { useNavigate } from 'react-router';
import { formatDateTime, roleWithArticle } from '../../../lib/format';
import { Button, FormError, Section } from '../../../ui';
import { useAnswerInvitation, useMyInvitations } from '../hooks/useInvite';

function InvitationItem({ invitation }: { invitation: MyInvitation }) {
  const navigate = useNavigate();
  const answer = useAnswerInvitation();
  const busyWith = answer.isPending ? answer.variables.answer : null;
  return (
    <li className="invitation" aria-label={`Invitation to ${invitation.workspaceName}`}>
      <p className="invitation__summary">
        {invitation.invitedBy ?? 'Someone'} invited you to join <strong>{invitation.workspaceName}</strong> as {roleWithArticle(invitation.role)}.
        <span className="muted"> Expires {formatDateTime(invitation.expiresAt)}.</span>
      </p>
      <div className="button-row">
        <Button
          variant="primary"
          busy={busyWith === 'accept'}
          disabled={answer.isPending}
          onClick={() => {
            answer.mutate({ inviteId: invitation.id, answer: 'accept' }, { onSuccess: ({ workspaceId }) => void navigate(`/w/${workspaceId}`) });
          }}
        >
          Accept
        </Button>
        <Button
          busy={busyWith === 'decline'}
          disabled={answer.isPending}
          onClick={() => {
            answer.mutate({ inviteId: invitation.id, answer: 'decline' });
          }}
        >
          Decline
        </Button>
      </div>
      <FormError error={answer.error} />
    </li>
  );
}

export function MyInvitations() {
  const { data: invitations } = useMyInvitations();
  if (!invitations || invitations.length === 0) return null;
  return (
    <Section title="Invitations" description="Nobody joins a workspace without saying yes.">
      <ul className="invitation-list" aria-label="Invitations">
        {invitations.map((invitation) => (
          <InvitationItem key={invitation.id} invitation={invitation} />
        ))}
      </ul>
    </Section>
  );
}
