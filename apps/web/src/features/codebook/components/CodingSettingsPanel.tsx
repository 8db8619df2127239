/** The workspace's coding settings: editors adding tags while coding, and blind coding rounds. */
import type { CodingSettings, UpdateCodingSettingsBody } from '@marginalia/shared';
import { Switch } from 'react-aria-components';
import { formatDateTime } from '../../../lib/format';
import { Alert, Button } from '../../../ui';

interface Props {
  settings: CodingSettings;
  canManage: boolean;
  busy: boolean;
  onChange: (body: UpdateCodingSettingsBody) => void;
}

export function CodingSettingsPanel({ settings, canManage, busy, onChange }: Props) {
  const blindRoundOpen = settings.blindCoding && settings.revealedAt === null;
  return (
    <section className="coding-settings" aria-label="Coding settings">
      {settings.othersHidden && <Alert tone="info">Blind coding: you see only your own annotations until an admin reveals everyone’s.</Alert>}
      {canManage && (
        <div className="coding-settings__controls">
          <Switch className="switch" isSelected={settings.editorsCreateTags} isDisabled={busy} onChange={(value) => onChange({ editorsCreateTags: value })}>
            <span className="switch__track" aria-hidden="true" />
            Editors may add tags while coding
          </Switch>
          <Switch className="switch" isSelected={settings.blindCoding} isDisabled={busy} onChange={(value) => onChange({ blindCoding: value })}>
            <span className="switch__track" aria-hidden="true" />
            Blind coding
          </Switch>
          {blindRoundOpen && (
            <Button size="sm" variant="primary" busy={busy} onClick={() => onChange({ revealed: true })}>
              Reveal everyone’s annotations
            </Button>
          )}
          {settings.blindCoding && settings.revealedAt !== null && <p className="muted">Revealed {formatDateTime(settings.revealedAt)}.</p>}
        </div>
      )}
    </section>
  );
}
