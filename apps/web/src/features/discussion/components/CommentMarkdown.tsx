/** A comment's Markdown, rendered through the app's one sanitiser (mentions become chips there). */
import { useMemo } from 'react';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { renderSafeMarkdown } from '../../../lib/safe-markdown';

export function CommentMarkdown({ source }: { source: string }) {
  const remoteImages = useInstanceSettings().data?.markdownRemoteImages ?? false;
  // Sanitised in renderSafeMarkdown: the only place raw HTML enters the page.
  const html = useMemo(() => renderSafeMarkdown(source, { remoteImages }), [source, remoteImages]);
  return <div className="comment__body markdown-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
