/**
 * The reader, built for long sessions: a sidebar (outline with scroll-spy, find, details), the
 * text with numbered passages, keyboard navigation, deep links and copy-link. What features put
 * on the text (attributions, tags...) comes from the reader layers (layers/reader-layer.ts):
 * their highlights, margin items, selection actions and dialogs. State that belongs in the URL (passage,
 * span, find) lives there; see useReaderNavigation. The passage being read lives in a
 * CurrentPassage store that only its few viewers subscribe to, so moving through a 4,000-passage
 * document never re-renders this component's whole tree.
 */
import { OffsetMap, type DocumentDetail } from '@marginalia/shared';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { documentPath } from '../../../lib/reader-links';
import { useShortcuts } from '../../../lib/use-shortcuts';
import { useStableCallback } from '../../../lib/use-stable-callback';
import { Tabs } from '../../../ui';
import { useDocuments } from '../../documents';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { CurrentPassage } from '../current-passage';
import { useCopyLink } from '../hooks/useCopyLink';
import { useFindKey } from '../hooks/useFindKey';
import { useReaderDecorations } from '../hooks/useReaderDecorations';
import { useReaderNavigation } from '../hooks/useReaderNavigation';
import { useTextSelection } from '../hooks/useTextSelection';
import { markLayersPainted } from '../layers/paint-mark';
import { useReaderLayers } from '../layers/useReaderLayers';
import { selectCodePoints } from '../dom-offsets';
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
  const { target, findWords, findSearch } = useReaderDecorations(workspace.id, document, nav.span, nav.find);
  const layers = useReaderLayers({ workspaceId: workspace.id, document, map, canEdit }, passages);
  const highlights = useMemo(() => (target.length > 0 ? [...target, ...layers.highlights] : layers.highlights), [target, layers.highlights]);
  const [selection, clearSelection] = useTextSelection(textRef, map);
  // Once per document: mark when its passages are on screen with every layer's highlights.
  const markedDocument = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (layers.pending || markedDocument.current === document.id || !textRef.current?.querySelector('[data-passage]')) return;
    markedDocument.current = document.id;
    markLayersPainted(document.id);
  });
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

  function copySelectionLink() {
    if (!selection) return;
    void copyLink(documentPath(workspace.id, document.id, { span: { start: selection.start, end: selection.end } }), 'the selected text');
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
    s: () => {
      // Keyboard selection, sentence by sentence: from the current passage's first sentence,
      // or extending what is selected to the end of the next sentence.
      const root = textRef.current;
      if (!root) return false;
      const from = selection ? passageIndexAt(passages, Math.max(0, selection.end - 1)) : current.get();
      let next: { start: number; end: number } | undefined;
      for (let index = from; index < passages.length && !next; index += 1) next = passages[index]!.sentences.find((sentence) => !selection || sentence.end > selection.end);
      if (!next) return true;
      selectCodePoints(root, map, selection ? selection.start : next.start, next.end);
      return true;
    },
    // Each selection action with a shortcut, while text is selected.
    ...Object.fromEntries(
      layers.selectionActions.flatMap((action) =>
        action.shortcut
          ? [
              [
                action.shortcut,
                () => {
                  if (!selection) return false;
                  action.run(selection);
                  return true;
                },
              ],
            ]
          : [],
      ),
    ),
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
              panel: <DocumentDetails workspaceId={workspace.id} document={document} canEdit={canEdit} editing={editingDetails} onEditing={setEditingDetails} />,
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
        {layers.controls.length > 0 && <div className="reader__controls">{layers.controls}</div>}
        <div ref={textRef} className="reader__text" lang={document.language ?? undefined}>
          <PassageList
            passages={passages}
            map={map}
            highlights={highlights}
            marginByPassage={layers.marginByPassage}
            findWords={findWords}
            current={current}
            linkedIndex={nav.requestedIndex}
            onScroller={setScroller}
            onGoTo={handleGoTo}
            onCopyLink={handleCopyPassageLink}
          />
        </div>
        <DocumentPager workspaceId={workspace.id} previous={previous} next={next} />
      </article>
      {selection && (
        <SelectionToolbar
          selection={selection}
          actions={layers.selectionActions}
          onCopyLink={copySelectionLink}
          onDismiss={() => {
            const passageId = `p-${String(passageIndexAt(passages, selection.start) + 1)}`;
            clearSelection();
            window.document.getElementById(passageId)?.focus({ preventScroll: true });
          }}
        />
      )}
      {layers.overlays}
      <ShortcutsDialog
        open={shortcutsOpen}
        onClose={() => {
          setShortcutsOpen(false);
        }}
      />
    </div>
  );
}
