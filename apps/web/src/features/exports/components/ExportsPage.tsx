/**
 * The Exports page: pick a format (the list comes from the API's registry, so a new format
 * appears here without a change), its options (report sections, a byte order mark...), and
 * download. The download is a link to the export route; the browser saves the attachment.
 */
import { useState } from 'react';
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { canPerform, type ExportFormatInfo } from '@marginalia/shared';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, ErrorState, LoadingState, PageHeader, Section } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { exportUrl } from '../api';
import { useExportFormats } from '../hooks/useExportFormats';

export function ExportsPage() {
  useDocumentTitle('Exports');
  const workspace = useCurrentWorkspace();
  const { data: formats, error, isPending, refetch } = useExportFormats();
  const [formatId, setFormatId] = useState('markdown');
  const [choices, setChoices] = useState<Record<string, string[]>>({});
  const [flags, setFlags] = useState<Record<string, boolean>>({});

  if (!canPerform(workspace.myRole, 'workspace.export')) {
    return (
      <div className="page">
        <PageHeader title="Exports" />
        <Alert tone="info">Exporting needs the editor role or higher; you are {workspace.myRole}.</Alert>
      </div>
    );
  }
  if (isPending) return <LoadingState label="Loading export formats…" />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;

  const format: ExportFormatInfo = formats.find((candidate) => candidate.id === formatId) ?? formats[0]!;
  const options: Record<string, string> = {};
  for (const option of format.options) {
    if (option.kind === 'boolean') options[option.name] = flags[option.name] ? '1' : '';
    else {
      const picked = choices[option.name];
      // All chosen is the default: leave the option out so the URL stays short.
      if (picked && picked.length < (option.choices?.length ?? 0)) options[option.name] = picked.join(',');
    }
  }
  const nothingChosen = format.options.some((option) => option.kind === 'choices' && choices[option.name]?.length === 0);

  return (
    <div className="page">
      <PageHeader title="Exports" description="Your workspace in open formats, for other tools and for publication. Under blind coding your export holds only your own annotations." />
      <Section title="Format">
        <RadioGroup className="exports__formats" value={format.id} onChange={setFormatId} aria-label="Export format">
          {formats.map((candidate) => (
            <Radio key={candidate.id} value={candidate.id} className="exports__format">
              <span className="exports__box exports__box--round" aria-hidden="true" />
              <span className="exports__format-text">
                <span className="exports__format-label">{candidate.label}</span>
                <Text slot="description" className="exports__format-description">
                  {candidate.description} <span className="exports__extension">.{candidate.extension}</span>
                </Text>
              </span>
            </Radio>
          ))}
        </RadioGroup>
      </Section>
      {format.options.length > 0 && (
        <Section title="Options">
          {format.options.map((option) =>
            option.kind === 'boolean' ? (
              <Checkbox key={option.name} className="exports__check" isSelected={flags[option.name] ?? false} onChange={(selected) => setFlags((current) => ({ ...current, [option.name]: selected }))}>
                <span className="exports__box" aria-hidden="true" />
                {option.label}
              </Checkbox>
            ) : (
              <CheckboxGroup
                key={option.name}
                className="exports__choices"
                value={choices[option.name] ?? option.choices?.map((choice) => choice.value) ?? []}
                onChange={(value) => setChoices((current) => ({ ...current, [option.name]: value }))}
              >
                <Label className="exports__choices-label">{option.label}</Label>
                {option.choices?.map((choice) => (
                  <Checkbox key={choice.value} value={choice.value} className="exports__check">
                    <span className="exports__box" aria-hidden="true" />
                    {choice.label}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            ),
          )}
        </Section>
      )}
      <div className="exports__actions">
        {nothingChosen ? (
          <Alert tone="info">Choose at least one section.</Alert>
        ) : (
          <a className="btn btn--primary" href={exportUrl(workspace.id, format.id, options)} download>
            Download {format.label}
          </a>
        )}
      </div>
    </div>
  );
}
