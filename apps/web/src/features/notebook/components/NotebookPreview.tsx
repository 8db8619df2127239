/** The Read view: the notebook rendered from Markdown, live as others type. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useYText } from '../hooks/useYText';
import { renderMarkdown } from '../markdown';

export function NotebookPreview({ text }: { text: Y.Text }) {
  const source = useYText(text);
  // Sanitised in renderMarkdown: the only place raw HTML enters the page.
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (source.trim() === '') {
    return <p className="notebook-preview notebook-preview--empty muted">The notebook is empty.</p>;
  }
  return <article className="notebook-preview" aria-label="Notebook" dangerouslySetInnerHTML={{ __html: html }} />;
}
