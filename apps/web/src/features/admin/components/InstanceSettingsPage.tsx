/**
 * /admin/settings: every instance setting, grouped, generated from INSTANCE_SETTINGS. A setting
 * fixed by an environment variable is shown locked, naming it. Secrets are never shown: the
 * form says whether one is set, takes a replacement, and can clear it. Each field is checked
 * with the shared schema before saving; the server's answer is shown on the field too.
 */
import type { AdminInstanceSetting, InstanceSettingKey, UpdateInstanceSettingsBody } from '@marginalia/shared';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, ErrorState, FormError, LoadingState, PageHeader, Section, useToast } from '../../../ui';
import { useAdminSettings, useUpdateSettings } from '../hooks/useAdminInstance';
import { fromInputText, GROUPS, toInputText } from '../settings-form';
import { SettingField } from './SettingField';

export interface InstanceSettingsPageProps {
  /** Shown under a group's fields, e.g. the email feature's "Send test email" button under email. */
  groupExtras?: Partial<Record<(typeof GROUPS)[number]['key'], ReactNode>>;
}

export function InstanceSettingsPage({ groupExtras }: InstanceSettingsPageProps = {}) {
  useDocumentTitle('Settings · Administration');
  const { data: settings, error, isPending, refetch } = useAdminSettings();
  const updateMutation = useUpdateSettings();
  const { showToast } = useToast();
  /** Edited inputs only, as typed; everything else shows the saved value. */
  const [drafts, setDrafts] = useState<Partial<Record<InstanceSettingKey, string>>>({});
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, string>>>({});
  const serverErrors = fieldErrorsFrom(updateMutation.error);

  function textOf(setting: AdminInstanceSetting): string {
    return drafts[setting.key as InstanceSettingKey] ?? (setting.secret ? '' : toInputText(setting));
  }

  function save(body: UpdateInstanceSettingsBody, message: string) {
    updateMutation.mutate(body, {
      onSuccess: () => {
        setDrafts({});
        showToast(message);
      },
    });
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const [key, text] of Object.entries(drafts) as [InstanceSettingKey, string][]) {
      const read = fromInputText(key, text);
      if (read.ok) body[key] = read.value;
      else errors[key] = read.message;
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || Object.keys(body).length === 0) return;
    save(body as UpdateInstanceSettingsBody, 'Settings saved. They apply at once.');
  }

  return (
    <div className="page page--narrow">
      <PageHeader
        title="Instance settings"
        description={<p>Apply to the whole server, at once. A setting fixed by an environment variable can only be changed there (and a restart).</p>}
      />
      {isPending && <LoadingState label="Loading settings…" />}
      {error && <ErrorState title="Settings could not be loaded" error={error} onRetry={() => void refetch()} />}
      {settings && (
        <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Instance settings">
          {GROUPS.map((group) => (
            <Section key={group.key} title={group.title} description={group.description}>
              <div className="stack">
                {settings
                  .filter((setting) => setting.group === group.key)
                  .map((setting) => (
                    <SettingField
                      key={setting.key}
                      setting={setting}
                      text={textOf(setting)}
                      edited={drafts[setting.key as InstanceSettingKey] !== undefined}
                      error={clientErrors[setting.key] ?? serverErrors[setting.key]}
                      onChange={(text) => {
                        setDrafts({ ...drafts, [setting.key]: text });
                      }}
                      onClear={() => {
                        save({ [setting.key]: null } as UpdateInstanceSettingsBody, `${setting.label} cleared.`);
                      }}
                    />
                  ))}
                {groupExtras?.[group.key]}
              </div>
            </Section>
          ))}
          <FormError error={Object.keys(serverErrors).length > 0 ? undefined : updateMutation.error} />
          <div className="admin-form-actions">
            <Button type="submit" variant="primary" busy={updateMutation.isPending} disabled={Object.keys(drafts).length === 0}>
              Save changes
            </Button>
            {Object.keys(drafts).length > 0 && (
              <Button
                onClick={() => {
                  setDrafts({});
                  setClientErrors({});
                  updateMutation.reset();
                }}
              >
                Discard changes
              </Button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
