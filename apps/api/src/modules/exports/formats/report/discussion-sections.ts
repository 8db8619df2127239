/** Report sections for the team's writing: the notebook, and open then resolved threads. */
import type { WorkspaceExport } from '@marginalia/shared';
import type { SnapshotIndex } from '../snapshot-index.js';
import { mdBlock, mdInline } from './markdown-text.js';

export function notebookSection(snapshot: WorkspaceExport): string {
  const markdown = snapshot.notebook.markdown.trim();
  // The notebook is Markdown already; its headings move down two levels under the report's.
  const body = markdown ? mdBlock(markdown).replace(/^(#{1,4}) /gm, '$1## ') : 'The notebook is empty.';
  return ['## Notebook', '', body].join('\n');
}

export function threadsSection(snapshot: WorkspaceExport, index: SnapshotIndex): string {
  const open = snapshot.threads.filter((thread) => thread.resolvedAt === null);
  const resolved = snapshot.threads.filter((thread) => thread.resolvedAt !== null);
  const render = (thread: WorkspaceExport['threads'][number]) => {
    const where = thread.anchor.documentId ? (index.document(thread.anchor.documentId)?.title ?? thread.anchor.label) : thread.anchor.label;
    const lines = [`#### ${mdInline(where)}`, ''];
    if (thread.anchor.quote) lines.push(`> ${mdInline(thread.anchor.quote.exact)}`, '');
    for (const comment of thread.comments) {
      const who = mdInline(index.memberName(comment.authorId));
      lines.push(`- **${who}**, ${comment.createdAt.slice(0, 10)}: ${comment.deletedAt ? '*(deleted)*' : mdInline(comment.body)}`);
    }
    if (thread.resolvedAt) lines.push('', `Resolved ${thread.resolvedAt.slice(0, 10)} by ${mdInline(index.memberName(thread.resolvedBy))}.`);
    return lines.join('\n');
  };
  const out = ['## Discussion', '', `### Open threads (${open.length})`];
  out.push(...(open.length ? open.map((thread) => `\n${render(thread)}`) : ['', 'None.']));
  out.push('', `### Resolved threads (${resolved.length})`);
  out.push(...(resolved.length ? resolved.map((thread) => `\n${render(thread)}`) : ['', 'None.']));
  return out.join('\n');
}
