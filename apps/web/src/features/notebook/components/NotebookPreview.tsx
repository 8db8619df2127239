/** The Read view: the notebook rendered from Markdown, live as others type. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { renderSafeMarkdown } from '../../../lib/safe-markdown';
import { useYText } from '../hooks/useYText';

export function NotebookPreview({ text }: { text: Y.Text }) {
  const source = useYText(text);
  // Until the setting is known, remote images stay links (the safe default).
  const remoteImages = useInstanceSettings().data?.markdownRemoteImages ?? false;
  // Sanitised in renderSafeMarkdown: the only place raw HTML enters the page.
  const html = useMemo(() => renderSafeMarkdown(source, { remoteImages }), [source, remoteImages]);
  if (source.trim() === '') {
    return <p className="notebook-preview notebook-preview--empty muted">The notebook is empty.</p>;
  }
  return <article className="notebook-preview" aria-label="Notebook" dangerouslySetInnerHTML={{ __html: html }} />;
}
