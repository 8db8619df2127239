/** /account: profile, password, mention emails, keyboard preference, sessions and personal access tokens. */
import { useDocumentTitle } from '../../../lib/use-document-title';
import { PageHeader, Section } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MentionEmailPreference } from './MentionEmailPreference';
import { ProfileForm } from './ProfileForm';
import { SessionsSection } from './SessionsSection';
import { ShortcutsPreference } from './ShortcutsPreference';
import { TokensSection } from './TokensSection';

export function AccountPage() {
  useDocumentTitle('Account');
  const user = useSignedInUser();
  return (
    <div className="page page--narrow">
      <PageHeader title="Account" description={<p>Signed in as {user.email}.</p>} />
      <Section title="Profile">
        <ProfileForm key={user.displayName} user={user} />
      </Section>
      <Section title="Password">
        <ChangePasswordForm />
      </Section>
      <Section title="Email notifications">
        <MentionEmailPreference />
      </Section>
      <Section title="Keyboard">
        <ShortcutsPreference />
      </Section>
      <Section title="Sessions" description="Browsers where you are logged in.">
        <SessionsSection />
      </Section>
      <Section title="Personal access tokens" description="For scripts and integrations that call the API as you.">
        <TokensSection />
      </Section>
    </div>
  );
}
