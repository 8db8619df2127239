/** One instance setting's control: a choice, a number, a switch, text, or a write-only secret. */
import { INSTANCE_SETTINGS, type AdminInstanceSetting, type InstanceSettingKey } from '@marginalia/shared';
import { useId } from 'react';
import { Badge, Button, SelectField, TextField } from '../../../ui';
import { CHOICES } from '../settings-form';

export interface SettingFieldProps {
  setting: AdminInstanceSetting;
  text: string;
  edited: boolean;
  error: string | undefined;
  onChange: (text: string) => void;
  onClear: () => void;
}

export function SettingField({ setting, text, edited, error, onChange, onClear }: SettingFieldProps) {
  const key = setting.key as InstanceSettingKey;
  const kind = INSTANCE_SETTINGS[key].kind;
  const locked = setting.source === 'environment';
  const hintId = useId();
  const hint = locked ? (
    <>
      Set by environment variable <code>{setting.env}</code>.
    </>
  ) : (
    <>
      Environment variable: <code>{setting.env}</code>
      {setting.source === 'default' ? ' (the default is in use).' : '.'}
    </>
  );

  if (kind === 'boolean') {
    return (
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={text === 'true'} disabled={locked} aria-describedby={hintId} onChange={(event) => onChange(String(event.target.checked))} /> {setting.label}
        </label>
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
        {error !== undefined && <p className="field__error">{error}</p>}
      </div>
    );
  }

  const choices = CHOICES[key];
  if (choices) {
    return <SelectField label={setting.label} value={text} options={choices} disabled={locked} hint={hint} error={error} onChange={(event) => onChange(event.target.value)} />;
  }

  if (setting.secret) {
    return (
      <div className="admin-secret">
        <TextField
          label={
            <>
              {setting.label} {setting.isSet ? <Badge tone="success">Set</Badge> : <Badge>Not set</Badge>}
            </>
          }
          type="password"
          autoComplete="new-password"
          placeholder={setting.isSet ? 'Type a new value to replace it' : 'Not set'}
          value={text}
          disabled={locked}
          hint={<>{hint} The value is never shown again once saved.</>}
          error={error}
          onChange={(event) => onChange(event.target.value)}
        />
        {setting.isSet && !locked && !edited && (
          <Button size="sm" variant="secondary" onClick={onClear} aria-label={`Clear ${setting.label}`}>
            Clear
          </Button>
        )}
      </div>
    );
  }

  return (
    <TextField
      label={setting.label}
      type={kind === 'integer' ? 'number' : 'text'}
      inputMode={kind === 'integer' ? 'numeric' : undefined}
      value={text}
      disabled={locked}
      hint={kind === 'list' ? <>{hint} Separate several with commas.</> : hint}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
