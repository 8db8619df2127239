/**
 * A DOM subtree to readable text: block elements become paragraphs, whitespace collapses as a
 * browser collapses it (except in <pre>), scripts, styles and other non-text elements vanish.
 * Iterative, so deeply nested markup cannot overflow the stack.
 */

/** Never text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head', 'button', 'select', 'textarea', 'input', 'img', 'video', 'audio', 'map']);

/** Site furniture, skipped when we fall back to a whole page (Readability usually drops it). */
export const BOILERPLATE_SELECTOR = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], [aria-hidden="true"], [hidden]';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Structural view of a DOM node, so the walker works on linkedom's nodes without their types. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Empty, or ending in a space, tab or line break. */
function endsWithSpace(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return text === '' || last === 0x20 || last === 0x0a || last === 0x09;
}

export function htmlNodeToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = current.replace(/[ \t]+\n/g, '\n').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  // Work items: a node to visit, or a marker to close a block / leave a <pre>.
  type Item = { node: DomNode } | { close: 'block' | 'cell' | 'pre' };
  const stack: Item[] = [{ node: root }];
  let preDepth = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      if (item.close === 'pre') preDepth -= 1;
      if (item.close === 'cell') current += '\t';
      else flush();
      continue;
    }
    const { node } = item;
    if (node.nodeType === TEXT) {
      const text = node.textContent ?? '';
      if (preDepth > 0) current += text;
      else {
        const collapsed = text.replace(/\s+/g, ' ');
        // The last character, not a regex over `current`: that would rescan the growing paragraph per text node.
        current += endsWithSpace(current) ? collapsed.replace(/^ /, '') : collapsed;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const name = node.nodeName.toLowerCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      current += '\n';
      continue;
    }
    const isCell = name === 'td' || name === 'th';
    if (BLOCKS.has(name) && !isCell) {
      flush();
      stack.push({ close: 'block' });
    }
    if (isCell) stack.push({ close: 'cell' });
    if (name === 'pre') {
      preDepth += 1;
      stack.push({ close: 'pre' });
    }
    // Read once: linkedom builds the childNodes list anew on every access.
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]! });
  }
  flush();
  return paragraphs.join('\n\n');
}
