/**
 * Mention emails: off, one email per mention (mentions within a minute go together), or a daily
 * digest. Saved on the account at once. Without email on the instance, it says nothing is sent.
 */
import { MENTION_EMAIL_MODES, type MentionEmailMode } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { ErrorState, FormError, LoadingState } from '../../../ui';
import { accountKeys, fetchEmailPreferences, updateEmailPreferences } from '../api';

const LABELS: Record<MentionEmailMode, { label: string; hint: string }> = {
  off: { label: 'Off', hint: 'Mentions show only in the app.' },
  immediate: { label: 'Right away', hint: 'An email when someone mentions you; several mentions within a minute come as one.' },
  daily: { label: 'Daily digest', hint: 'At most one email a day with the mentions since the last one.' },
};

export function MentionEmailPreference() {
  const queryClient = useQueryClient();
  const emailOn = useInstanceSettings().data?.email;
  const preferences = useQuery({ queryKey: accountKeys.emailPreferences, queryFn: fetchEmailPreferences });
  const updateMutation = useMutation({
    mutationFn: updateEmailPreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.emailPreferences, saved);
    },
  });

  if (preferences.isPending) return <LoadingState label="Loading your email settings…" />;
  if (preferences.error) return <ErrorState title="Email settings could not be loaded" error={preferences.error} onRetry={() => void preferences.refetch()} />;
  const current = updateMutation.isPending ? updateMutation.variables.mentions : preferences.data.mentions;
  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend>Email me when someone mentions me</legend>
        {MENTION_EMAIL_MODES.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name="mentionEmails"
              value={mode}
              checked={current === mode}
              onChange={() => {
                updateMutation.mutate({ mentions: mode });
              }}
            />
            <span>
              {LABELS[mode].label}
              <br />
              <span className="muted">{LABELS[mode].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {emailOn === false && <p className="field__hint">This instance does not send email at the moment, so nothing is sent whatever you choose.</p>}
      <FormError error={updateMutation.error} />
    </div>
  );
}
