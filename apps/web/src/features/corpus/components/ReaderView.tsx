/**
 * The reader, built for long sessions: a sidebar (outline with scroll-spy, find, details), the
 * text with numbered passages, highlights and attributions, keyboard navigation, deep links,
 * copy-link, and attributing selected text to actors. State that belongs in the URL (passage,
 * span, find) lives there; see useReaderNavigation. The passage being read lives in a
 * CurrentPassage store that only its few viewers subscribe to, so moving through a 4,000-passage
 * document never re-renders this component's whole tree.
 */
import { OffsetMap, type DocumentDetail } from '@marginalia/shared';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { documentPath } from '../../../lib/reader-links';
import { useShortcuts } from '../../../lib/use-shortcuts';
import { useStableCallback } from '../../../lib/use-stable-callback';
import { Tabs, useToast } from '../../../ui';
import { AttributeDialog, useDeleteAttribution, type SpanToAttribute } from '../../actors';
import { useDocuments } from '../../documents';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { CurrentPassage } from '../current-passage';
import { useCopyLink } from '../hooks/useCopyLink';
import { useFindKey } from '../hooks/useFindKey';
import { useReaderDecorations } from '../hooks/useReaderDecorations';
import { useReaderNavigation } from '../hooks/useReaderNavigation';
import { useTextSelection } from '../hooks/useTextSelection';
import { passageIndexAt } from '../reader-model';
import { DocumentDetails } from './DocumentDetails';
import { DocumentPager } from './DocumentPager';
import { PassageList, type PassageScroller } from './PassageList';
import { PassageOutline } from './PassageOutline';
import { ReaderFind } from './ReaderFind';
import { ReaderHeader } from './ReaderHeader';
import { SelectionToolbar } from './SelectionToolbar';
import { ShortcutsDialog } from './ShortcutsDialog';

type SidebarTab = 'contents' | 'find' | 'details';

export function ReaderView({ document }: { document: DocumentDetail }) {
  const workspace = useCurrentWorkspace();
  const canEdit = useWorkspacePermission('content.edit');
  const navigate = useNavigate();
  const { showToast } = useToast();
  const copyLink = useCopyLink();
  const map = useMemo(() => new OffsetMap(document.text), [document.text]);
  const passages = document.passages;
  const [current] = useState(() => new CurrentPassage());
  const [scroller, setScroller] = useState<PassageScroller | null>(null);
  const nav = useReaderNavigation(document.id, passages, document.characterCount, current, scroller);
  const textRef = useRef<HTMLDivElement>(null);
  const findInputRef = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState<SidebarTab>(nav.find !== '' ? 'find' : 'contents');
  const [editingDetails, setEditingDetails] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [attributing, setAttributing] = useState<SpanToAttribute | null>(null);
  const { decorations, findWords, findSearch, attributionCount } = useReaderDecorations(workspace.id, document, map, nav.span, nav.find);
  const [selection, clearSelection] = useTextSelection(textRef, map);
  const deleteAttribution = useDeleteAttribution(workspace.id);
  const { data: siblings } = useDocuments(workspace.id);

  const position = siblings?.findIndex((sibling) => sibling.id === document.id) ?? -1;
  const previous = position > 0 ? siblings?.[position - 1] : undefined;
  const next = position >= 0 ? siblings?.[position + 1] : undefined;

  // Stable identities: every passage receives these, and must not re-render when they change.
  const handleGoTo = useStableCallback((index: number) => {
    nav.goToPassage(index);
  });
  const handleGoToAlways = useStableCallback((index: number) => {
    nav.goToPassage(index, { scroll: 'always' });
  });
  const handleCopyPassageLink = useStableCallback((index: number) => {
    void copyLink(documentPath(workspace.id, document.id, { passage: index + 1 }), `passage ${String(index + 1)}`);
  });
  const handleRemoveAttribution = useStableCallback((attributionId: string, actorName: string) => {
    deleteAttribution.mutate(attributionId, {
      onSuccess: () => {
        showToast(`Attribution to ${actorName} removed.`);
      },
      onError: (error) => {
        showToast(`Could not remove the attribution: ${errorMessage(error)}`, 'danger');
      },
    });
  });

  function copySelectionLink() {
    if (!selection) return;
    void copyLink(documentPath(workspace.id, document.id, { span: { start: selection.start, end: selection.end } }), 'the selected text');
  }

  function attributeSelection() {
    if (!selection || !canEdit) return;
    setAttributing({ start: selection.start, end: selection.end, quote: selection.quote });
  }

  function focusedPassage(): number | null {
    const element = window.document.activeElement;
    return element instanceof HTMLElement && element.dataset.passage !== undefined ? Number(element.dataset.passage) : null;
  }

  function move(step: 1 | -1, event: KeyboardEvent): boolean {
    const focused = focusedPassage();
    // Arrows keep scrolling the page unless a passage (or nothing in particular) has focus.
    const active = window.document.activeElement;
    if (event.key.startsWith('Arrow') && focused === null && active !== window.document.body && active?.id !== 'main') return false;
    nav.goToPassage(focused === null ? current.get() : focused + step);
    return true;
  }

  function openFind() {
    setTab('find');
    // The panel is hidden until the tab switches: focus after React has shown it.
    window.requestAnimationFrame(() => {
      findInputRef.current?.focus();
      findInputRef.current?.select();
    });
  }

  useFindKey(findInputRef, openFind);

  useShortcuts({
    j: (event) => move(1, event),
    ArrowDown: (event) => move(1, event),
    k: (event) => move(-1, event),
    ArrowUp: (event) => move(-1, event),
    ']': () => {
      if (next) void navigate(documentPath(workspace.id, next.id));
    },
    '[': () => {
      if (previous) void navigate(documentPath(workspace.id, previous.id));
    },
    '/': () => {
      openFind();
    },
    '?': () => {
      setShortcutsOpen(true);
    },
    c: () => {
      if (selection) copySelectionLink();
      else handleCopyPassageLink(current.get());
    },
    a: () => {
      if (!selection || !canEdit) return false;
      attributeSelection();
      return true;
    },
  });

  return (
    <div className="reader">
      <aside className="reader__sidebar" aria-label="Document tools">
        <Tabs<SidebarTab>
          label="Document tools"
          selected={tab}
          onSelect={setTab}
          items={[
            { key: 'contents', label: 'Contents', panel: <PassageOutline passages={passages} map={map} current={current} onGoTo={handleGoToAlways} /> },
            {
              key: 'find',
              label: 'Find',
              panel: (
                <ReaderFind
                  query={nav.find}
                  inputRef={findInputRef}
                  found={findSearch.data}
                  pending={findSearch.isFetching}
                  error={findSearch.error}
                  onQuery={nav.setFind}
                  onGoTo={handleGoToAlways}
                />
              ),
            },
            {
              key: 'details',
              label: 'Details',
              panel: <DocumentDetails workspaceId={workspace.id} document={document} canEdit={canEdit} editing={editingDetails} onEditing={setEditingDetails} attributionCount={attributionCount} />,
            },
          ]}
        />
      </aside>
      <article className="reader__main" aria-labelledby="reader-title">
        <ReaderHeader
          workspaceId={workspace.id}
          document={document}
          canEdit={canEdit}
          currentPassage={current}
          onEditTitle={() => {
            setTab('details');
            setEditingDetails(true);
          }}
          onCopyPassageLink={() => {
            handleCopyPassageLink(current.get());
          }}
          onShowShortcuts={() => {
            setShortcutsOpen(true);
          }}
        />
        <div ref={textRef} className="reader__text" lang={document.language ?? undefined}>
          <PassageList
            passages={passages}
            map={map}
            decorations={decorations}
            findWords={findWords}
            current={current}
            linkedIndex={nav.requestedIndex}
            canEdit={canEdit}
            onScroller={setScroller}
            onGoTo={handleGoTo}
            onCopyLink={handleCopyPassageLink}
            onRemoveAttribution={handleRemoveAttribution}
          />
        </div>
        <DocumentPager workspaceId={workspace.id} previous={previous} next={next} />
      </article>
      {selection && (
        <SelectionToolbar
          selection={selection}
          canEdit={canEdit}
          onCopyLink={copySelectionLink}
          onAttribute={attributeSelection}
          onDismiss={() => {
            const passageId = `p-${String(passageIndexAt(passages, selection.start) + 1)}`;
            clearSelection();
            window.document.getElementById(passageId)?.focus({ preventScroll: true });
          }}
        />
      )}
      <AttributeDialog
        workspaceId={workspace.id}
        documentId={document.id}
        span={attributing}
        onClose={() => {
          // Back to the passage the text was selected in, so j/k continue from there; after the
          // frame in which the closing <dialog> hands focus back to its (gone) opener.
          const passageId = attributing ? `p-${String(passageIndexAt(passages, attributing.start) + 1)}` : null;
          if (passageId) window.requestAnimationFrame(() => window.document.getElementById(passageId)?.focus({ preventScroll: true }));
          setAttributing(null);
          clearSelection();
        }}
      />
      <ShortcutsDialog
        open={shortcutsOpen}
        onClose={() => {
          setShortcutsOpen(false);
        }}
      />
    </div>
  );
}
