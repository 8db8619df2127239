/**
 * The Exports page: pick a format (the list comes from the API's registry, so a new format
 * appears here without a change), its options (report sections, a byte order mark...), and
 * download. A small export is a link to the export route (the browser saves the attachment); a
 * large one, or any the member chooses, is prepared in the background and listed below with
 * its progress, then a Download button.
 */
import { useState } from 'react';
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { EXPORT_LIMITS, canPerform, type ExportFormatInfo } from '@marginalia/shared';
import { formatNumber } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, Button, ErrorState, FormError, LoadingState, PageHeader, Section } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { exportUrl } from '../api';
import { NO_FILTERS, filterParams, type ExportFilters as Filters } from '../export-filters';
import { useExportFormats } from '../hooks/useExportFormats';
import { useExportSize, useStartExportJob } from '../hooks/useExportJobs';
import { useFilterSources } from '../hooks/useFilterSources';
import { ExportFilters } from './ExportFilters';
import { ExportJobList } from './ExportJobList';

export function ExportsPage() {
  useDocumentTitle('Exports');
  const workspace = useCurrentWorkspace();
  const { data: formats, error, isPending, refetch } = useExportFormats();
  const [formatId, setFormatId] = useState('markdown');
  const [choices, setChoices] = useState<Record<string, string[]>>({});
  const [flags, setFlags] = useState<Record<string, boolean>>({});
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const filterSources = useFilterSources(workspace.id);
  const size = useExportSize(workspace.id, filters.documents).data;
  const startJob = useStartExportJob(workspace.id);

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
  const options: Record<string, string> = filterParams(filters);
  for (const option of format.options) {
    if (option.kind === 'boolean') options[option.name] = flags[option.name] ? '1' : '';
    else {
      const picked = choices[option.name];
      // All chosen is the default: leave the option out so the URL stays short.
      if (picked && picked.length < (option.choices?.length ?? 0)) options[option.name] = picked.join(',');
    }
  }
  const nothingChosen = format.options.some((option) => option.kind === 'choices' && choices[option.name]?.length === 0);
  const parameters = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== ''));
  const prepare = (): void => startJob.mutate({ format: format.id, parameters });

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
      <Section title="What to include" description="Nothing ticked in a list means all of it.">
        <ExportFilters sources={filterSources} value={filters} onChange={setFilters} />
      </Section>
      <div className="exports__actions">
        {nothingChosen ? (
          <Alert tone="info">Choose at least one section.</Alert>
        ) : (
          <>
            {size?.background && (
              <Alert tone="info">
                This export is large ({formatNumber(size.annotations)} annotations, {formatNumber(size.characters)} characters of text; more than {formatNumber(EXPORT_LIMITS.backgroundAboveAnnotations)}{' '}
                annotations or {formatNumber(EXPORT_LIMITS.backgroundAboveCharacters)} characters), so it is prepared in the background. It appears under Background exports with a Download button when ready.
              </Alert>
            )}
            <div className="exports__buttons">
              {size?.background === false && (
                <a className="btn btn--primary" href={exportUrl(workspace.id, format.id, options)} download>
                  Download {format.label}
                </a>
              )}
              <Button variant={size?.background ? 'primary' : 'secondary'} busy={startJob.isPending} onClick={prepare}>
                Prepare in the background
              </Button>
            </div>
            {startJob.error && <FormError error={startJob.error} />}
          </>
        )}
      </div>
      <Section title="Background exports" description="Kept for a while after they finish, then deleted. Owners and admins see everyone’s; others see their own.">
        <ExportJobList workspaceId={workspace.id} formats={formats} />
      </Section>
    </div>
  );
}
