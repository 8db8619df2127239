/**
 * Analyst comparison: choose two or more analysts and the documents, read the agreement
 * figures the API computes, then go through one document side by side and settle disagreements.
 */
import type { Tag } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { ErrorState, LoadingState, SelectField } from '../../../ui';
import { useAgreement, useTagFrequencies } from '../../annotations';
import { useDocuments } from '../../documents';
import { AgreementTable } from './AgreementTable';
import { SideBySide } from './SideBySide';

export function ComparisonPanel({ workspaceId, tags, canSettle }: { workspaceId: string; tags: Tag[]; canSettle: boolean }) {
  const frequencies = useTagFrequencies(workspaceId);
  const documents = useDocuments(workspaceId);
  const analysts = frequencies.data?.analysts ?? [];
  const [chosenAnalysts, setChosenAnalysts] = useState<string[] | null>(null);
  const [chosenDocuments, setChosenDocuments] = useState<string[] | null>(null);
  const [sideDocument, setSideDocument] = useState('');
  const analystIds = chosenAnalysts ?? analysts.map((analyst) => analyst.id);
  const documentIds = chosenDocuments ?? (documents.data ?? []).map((document) => document.id);
  const allDocuments = chosenDocuments === null;
  const analystKey = analystIds.join(',');
  const documentKey = allDocuments ? null : documentIds.join(',');
  const params = useMemo(
    () => ({ analysts: analystKey.split(',').filter(Boolean), documents: documentKey === null ? undefined : documentKey.split(',').filter(Boolean) }),
    [analystKey, documentKey],
  );
  const agreement = useAgreement(workspaceId, analystIds.length >= 2 && documentIds.length > 0 ? params : null);
  const shownDocument = sideDocument !== '' && documentIds.includes(sideDocument) ? sideDocument : documentIds[0] ?? '';

  if (frequencies.isPending || documents.isPending) return <LoadingState label="Loading analysts…" />;
  if (frequencies.error) return <ErrorState title="The analysts could not be loaded" error={frequencies.error} />;

  return (
    <section className="comparison" aria-label="Compare analysts">
      <div className="comparison__choices">
        <CheckboxGroup className="checkbox-group" value={analystIds} onChange={setChosenAnalysts}>
          <Label className="field__label">Analysts</Label>
          {analysts.map((analyst) => (
            <Checkbox key={analyst.id} value={analyst.id} className="checkbox-option">
              <span className="checkbox-option__box" aria-hidden="true" />
              {analyst.displayName}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <CheckboxGroup className="checkbox-group" value={documentIds} onChange={setChosenDocuments}>
          <Label className="field__label">Documents</Label>
          {(documents.data ?? []).map((document) => (
            <Checkbox key={document.id} value={document.id} className="checkbox-option">
              <span className="checkbox-option__box" aria-hidden="true" />
              {document.title}
            </Checkbox>
          ))}
        </CheckboxGroup>
      </div>
      {analystIds.length < 2 && <p className="muted">Choose at least two analysts.</p>}
      {documentIds.length === 0 && <p className="muted">Choose at least one document.</p>}
      {agreement.isPending && agreement.fetchStatus === 'fetching' && <LoadingState label="Computing agreement…" />}
      {agreement.error && <ErrorState title="Agreement could not be computed" error={agreement.error} onRetry={() => void agreement.refetch()} />}
      {agreement.data && analystIds.length >= 2 && <AgreementTable report={agreement.data} tags={tags} />}
      {analystIds.length >= 2 && shownDocument !== '' && (
        <>
          <SelectField
            label="Side by side"
            value={shownDocument}
            onChange={(event) => setSideDocument(event.target.value)}
            options={(documents.data ?? []).filter((d) => documentIds.includes(d.id)).map((d) => ({ value: d.id, label: d.title }))}
          />
          <SideBySide
            key={shownDocument}
            workspaceId={workspaceId}
            documentId={shownDocument}
            tags={tags}
            analysts={analysts.filter((analyst) => analystIds.includes(analyst.id))}
            canSettle={canSettle}
          />
        </>
      )}
    </section>
  );
}
