/**
 * Markdown written by other people (the notebook, comments) to HTML that is safe to put
 * in the page: a strict allow-list of elements and attributes, so nobody's text can restyle
 * the app (no `style`, no classes), draw a fake form (no form, input, button), embed or frame
 * anything (no iframe, object, svg), run script (no script, no event handlers), or make the
 * reader's browser fetch a remote resource on opening (no remote images unless the instance
 * allows them). Links keep only http(s), mailto and same-site targets, open in a new tab and
 * give that tab no handle on this one. A mention, `[@Name](mention:<userId>)`, becomes a chip
 * (a styled span naming the member), not a link.
 *
 * The Content-Security-Policy the server sends is the second line: even HTML that got past
 * this could neither run script nor load remote images there.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';

export interface SafeMarkdownOptions {
  /** Show images from other sites (the instance setting MARKDOWN_REMOTE_IMAGES); otherwise they become links. */
  remoteImages: boolean;
}

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd', 'samp',
  'strong', 'b', 'em', 'i', 's', 'del', 'ins', 'sub', 'sup', 'mark', 'abbr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
];
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'start', 'colspan', 'rowspan', 'align'];
/** Absolute http(s) and mailto, or a path / fragment on this site (not protocol-relative). */
const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/))/i;
const REMOTE_IMAGE = /^https:\/\//i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Dropped with their content; other unknown elements keep their text.
  FORBID_CONTENTS: ['style', 'script', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'button', 'noscript'],
};

/** One DOMPurify instance of our own, so other code's hooks and settings cannot weaken it. */
const purifier = DOMPurify();

const MENTION_HREF = /^mention:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Where a mention's link points between Markdown and the sanitiser: a fragment, which it keeps. */
const MENTION_FRAGMENT = /^#mention:([0-9a-f-]{36})$/i;

/**
 * GFM task lists render checkboxes; inputs are not allowed, so their state stays as text.
 * Mention links are renamed to a fragment the sanitiser lets through, then made chips after it.
 */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: { checkbox: ({ checked }) => (checked ? '☑ ' : '☐ ') },
  walkTokens: (token) => {
    if (token.type !== 'link') return;
    const match = MENTION_HREF.exec(token.href);
    if (match) token.href = `#mention:${match[1] ?? ''}`;
  },
});

/** Sanitises HTML from someone else to the allow-list above. */
export function sanitizeHtml(html: string, options: SafeMarkdownOptions): string {
  const fragment = purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  for (const link of fragment.querySelectorAll('a[href]')) {
    const mention = MENTION_FRAGMENT.exec(link.getAttribute('href') ?? '');
    if (mention) {
      link.replaceWith(mentionChip(mention[1] ?? '', link.textContent));
      continue;
    }
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  for (const image of fragment.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    const shown = options.remoteImages ? REMOTE_IMAGE.test(src) || isSitePath(src) : isSitePath(src);
    if (shown) image.setAttribute('referrerpolicy', 'no-referrer');
    else image.replaceWith(imageAsLink(src, image.getAttribute('alt') ?? ''));
  }
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

export function renderSafeMarkdown(source: string, options: SafeMarkdownOptions): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), options);
}

/** A member named in the text: plain text in a styled span, made here (after sanitising), so the class is ours. */
function mentionChip(userId: string, text: string): Node {
  const chip = document.createElement('span');
  chip.className = 'mention-chip';
  chip.dataset.userId = userId;
  chip.textContent = text.startsWith('@') ? text : `@${text}`;
  return chip;
}

function isSitePath(src: string): boolean {
  return src.startsWith('/') && !src.startsWith('//');
}

/** An image the reader may open on purpose, instead of one fetched on their behalf. */
function imageAsLink(src: string, alt: string): Node {
  const label = `Image: ${alt || 'untitled'}`;
  if (!/^https?:\/\//i.test(src)) return document.createTextNode(`[${label}]`);
  const link = document.createElement('a');
  link.href = src;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = label;
  return link;
}
