/**
 * /admin/email: whether email is configured (and a test message), invitations to the instance,
 * and the outbox. Without SMTP it says that nothing is sent and that links work instead.
 * Rendered inside AdminLayout, which shows it to instance administrators only.
 */
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { Alert, PageHeader, Section } from '../../../ui';
import { EmailOutboxTable } from './EmailOutboxTable';
import { InstanceInvitationsList } from './InstanceInvitationsList';
import { InviteToInstanceDialog } from './InviteToInstanceDialog';
import { SendTestEmailButton } from './SendTestEmailButton';

export function AdminEmailPage() {
  useDocumentTitle('Email · Administration');
  const instance = useInstanceSettings();
  return (
    <div className="page">
      <PageHeader title="Email and invitations" description={<p>Invitations, password resets and mention notifications sent by this instance.</p>} />
      <Section title="Email">
        {instance.data && !instance.data.email && (
          <Alert tone="info" title="Email is not configured">
            <p>
              Nothing is sent. Invitations and password resets still work: you get a link to hand over. Set the SMTP server URL (SMTP_URL) and sender
              (MAIL_FROM) in the instance settings to send email.
            </p>
          </Alert>
        )}
        <SendTestEmailButton />
      </Section>
      <Section title="Invitations to the instance" description="For people to register when registration is invite-only, without a workspace yet.">
        <div className="stack">
          <div>
            <InviteToInstanceDialog />
          </div>
          <InstanceInvitationsList />
        </div>
      </Section>
      <Section title="Outbox" description="Messages that could not be sent are retried with growing delays, then marked failed.">
        <EmailOutboxTable />
      </Section>
    </div>
  );
}
