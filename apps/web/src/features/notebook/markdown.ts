/**
 * Markdown to HTML for the notebook's Read view. Notebook text is written by other people, so
 * the HTML is sanitised (no scripts, no event handlers, no javascript: links) before it is shown,
 * and links open in a new tab without giving that tab a handle on this one.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
