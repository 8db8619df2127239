/**
 * Sends a test email to the signed-in admin now (not through the outbox), so the answer says
 * at once whether the SMTP settings work. Without SMTP it says so instead of offering to send.
 */
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { Alert, Button } from '../../../ui';
import { sendTestEmail } from '../email-api';

export function SendTestEmailButton() {
  const instance = useInstanceSettings();
  const sendMutation = useMutation({ mutationFn: sendTestEmail });
  const configured = instance.data?.email === true;

  return (
    <div className="stack">
      <div>
        <Button
          onClick={() => {
            sendMutation.mutate();
          }}
          busy={sendMutation.isPending}
          disabled={!configured}
        >
          Send a test email
        </Button>
      </div>
      <div aria-live="polite">
        {!configured && instance.data && <p className="muted">Email is not configured: set an SMTP server URL first (SMTP_URL or the setting above).</p>}
        {sendMutation.isSuccess && (
          <Alert tone="success" title="Test email sent">
            <p>The SMTP server accepted a message to {sendMutation.data.to}. Check that it arrived.</p>
          </Alert>
        )}
        {sendMutation.error && (
          <Alert tone="danger" title="The test email was not sent">
            <p>{errorMessage(sendMutation.error)}</p>
          </Alert>
        )}
      </div>
    </div>
  );
}
