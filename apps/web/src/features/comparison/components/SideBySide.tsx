/**
 * One document's passages with each analyst's tags in columns. Disagreements are marked (not by
 * colour alone); "Next disagreement" (or N / Shift+N in the table) moves focus between them,
 * "Settle" records what the team agreed as a consensus annotation over the passage, and
 * "Discuss" starts a thread on the passage, where the team argues it out first.
 */
import { OffsetMap, type Analyst, type Tag } from '@marginalia/shared';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { documentPath, passageNumber } from '../../../lib/reader-links';
import { Button, ErrorState, LoadingState } from '../../../ui';
import { useDocumentAnnotations } from '../../annotations';
import { TagLabel } from '../../codebook';
import { NewThreadDialog, discussionPath } from '../../discussion';
import { useDocument } from '../../documents';
import { useWorkspacePermission } from '../../workspaces';
import { comparisonRows, type ComparisonRow } from '../side-by-side-model';
import { SettleDialog } from './SettleDialog';

interface Props {
  workspaceId: string;
  documentId: string;
  tags: Tag[];
  analysts: Analyst[];
  canSettle: boolean;
}

export function SideBySide({ workspaceId, documentId, tags, analysts, canSettle }: Props) {
  const document = useDocument(workspaceId, documentId);
  const annotations = useDocumentAnnotations(documentId);
  const [settling, setSettling] = useState<ComparisonRow | null>(null);
  const [discussing, setDiscussing] = useState<ComparisonRow | null>(null);
  const canComment = useWorkspacePermission('comments.create');
  const navigate = useNavigate();
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const rows = useMemo(
    () => (document.data && annotations.data ? comparisonRows(document.data.passages, annotations.data.annotations, analysts.map((a) => a.id)) : []),
    [document.data, annotations.data, analysts],
  );
  const offsets = useMemo(() => (document.data ? new OffsetMap(document.data.text) : null), [document.data]);
  const disagreements = rows.filter((row) => row.disagreement).map((row) => row.passage.index);

  function jump(direction: 1 | -1) {
    if (disagreements.length === 0) return;
    const focused = [...rowRefs.current.entries()].find(([, element]) => element === window.document.activeElement)?.[0] ?? (direction === 1 ? -1 : Infinity);
    const next = direction === 1 ? (disagreements.find((index) => index > focused) ?? disagreements[0]) : (disagreements.findLast((index) => index < focused) ?? disagreements.at(-1));
    const row = next === undefined ? undefined : rowRefs.current.get(next);
    row?.focus();
    row?.scrollIntoView({ block: 'center' });
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement).closest('input, textarea, select')) return;
    event.preventDefault();
    jump(event.shiftKey ? -1 : 1);
  }

  if (document.isPending || annotations.isPending) return <LoadingState label="Loading the document…" />;
  const error = document.error ?? annotations.error;
  if (error || !document.data || !offsets) return <ErrorState title="The document could not be loaded" error={error} />;
  const text = document.data.text;
  const passageText = (row: ComparisonRow) => text.slice(offsets.toUtf16(row.passage.start), offsets.toUtf16(row.passage.end));
  const tagList = (ids: Set<string>) =>
    ids.size === 0 ? <span className="muted">no tag</span> : [...ids].map((id) => byId.get(id)).filter((tag) => tag !== undefined).map((tag) => <TagLabel key={tag.id} name={tag.name} color={tag.color} />);

  return (
    // N / Shift+N anywhere in the view jump between disagreements; the keys bubble up from its controls.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section className="side-by-side" aria-label="Side by side" onKeyDown={handleKeyDown}>
      <div className="side-by-side__toolbar" role="toolbar" aria-label="Disagreements">
        <p role="status">
          {disagreements.length} {disagreements.length === 1 ? 'disagreement' : 'disagreements'} in {rows.length} passages
        </p>
        <Button size="sm" onClick={() => jump(-1)} disabled={disagreements.length === 0} aria-keyshortcuts="Shift+N">
          Previous disagreement
        </Button>
        <Button size="sm" onClick={() => jump(1)} disabled={disagreements.length === 0} aria-keyshortcuts="N">
          Next disagreement
        </Button>
      </div>
      <div className="heat-table__scroll">
        <table className="side-by-side__table">
          <caption className="visually-hidden">Each analyst’s tags per passage of {document.data.title}</caption>
          <thead>
            <tr>
              <th scope="col">Passage</th>
              {analysts.map((analyst) => (
                <th key={analyst.id} scope="col">
                  {analyst.displayName}
                </th>
              ))}
              <th scope="col">Consensus</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const number = passageNumber(row.passage.index);
              return (
                <tr
                  key={row.passage.id}
                  ref={(element) => {
                    if (element) rowRefs.current.set(row.passage.index, element);
                    else rowRefs.current.delete(row.passage.index);
                  }}
                  tabIndex={row.disagreement ? -1 : undefined}
                  className={row.disagreement ? 'side-by-side__row side-by-side__row--disagree' : 'side-by-side__row'}
                  aria-label={row.disagreement ? `Passage ${String(number)}, disagreement` : undefined}
                >
                  <th scope="row" className="side-by-side__passage">
                    <Link to={documentPath(workspaceId, documentId, { passage: number })}>¶{number}</Link>
                    {row.disagreement && <span className="badge badge--warning">differs</span>}
                    <p>{passageText(row)}</p>
                  </th>
                  {row.coded.map((coded, column) => (
                    <td key={analysts[column]?.id}>{coded === null ? <span className="muted">not coded</span> : tagList(coded)}</td>
                  ))}
                  <td>
                    {row.consensus.size > 0 && tagList(row.consensus)}
                    {canSettle && row.disagreement && (
                      <Button size="sm" onClick={() => setSettling(row)} aria-label={`Settle passage ${String(number)}`}>
                        Settle…
                      </Button>
                    )}
                    {canComment && row.disagreement && (
                      <Button size="sm" variant="ghost" onClick={() => setDiscussing(row)} aria-label={`Discuss passage ${String(number)}`}>
                        Discuss…
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <NewThreadDialog
        workspaceId={workspaceId}
        anchor={discussing ? { kind: 'text', documentId, start: discussing.passage.start, end: discussing.passage.end } : null}
        subject={discussing ? <p>About passage {passageNumber(discussing.passage.index)}, where the analysts' tags differ.</p> : null}
        onClose={() => setDiscussing(null)}
        onCreated={(threadId) => void navigate(discussionPath(workspaceId, threadId))}
      />
      <SettleDialog key={settling?.passage.id ?? 'none'} workspaceId={workspaceId} documentId={documentId} row={settling} tags={tags} onClose={() => setSettling(null)} />
    </section>
  );
}
