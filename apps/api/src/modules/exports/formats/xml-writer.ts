/**
 * A small streaming XML writer for the XML export formats (REFI-QDA's project.qde and .qdc):
 * every name and value goes through the escapers here, never into the output raw. Output is
 * handed out in chunks of about CHUNK_CHARS so a big project is streamed, not built whole.
 *
 * XML 1.0 cannot carry every character a JavaScript string can (C0 controls other than tab and
 * newlines, lone surrogates, U+FFFE/U+FFFF): those become U+FFFD, one code point for one, so
 * offsets counted in code points stay right even in text written into the XML.
 */

const CHUNK_CHARS = 64 * 1024;

// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML 1.0 cannot represent with U+FFFD (one code point each). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD');
}

export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Tabs and line breaks as character references: a parser would normalise them to spaces otherwise. */
export function escapeXmlAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

export type XmlAttributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

export class XmlWriter {
  private buffer: string[] = [];
  private bufferedChars = 0;
  private readonly open: string[] = [];
  /** Whether the innermost open element has child elements (then its end tag goes on a line of its own). */
  private readonly hasChildren: boolean[] = [];

  constructor(declaration = true) {
    if (declaration) this.push('<?xml version="1.0" encoding="utf-8"?>\n');
  }

  /** Opens an element that will have children; close it with end(). */
  start(name: string, attributes: XmlAttributes = {}): this {
    this.push(`${this.newLine()}<${checkName(name)}${formatAttributes(attributes)}>`);
    this.open.push(name);
    this.hasChildren.push(false);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() with no element open');
    const hadChildren = this.hasChildren.pop();
    this.push(hadChildren ? `\n${'  '.repeat(this.open.length)}</${name}>` : `</${name}>`);
    return this;
  }

  /** An element with no children. */
  empty(name: string, attributes: XmlAttributes = {}): this {
    this.push(`${this.newLine()}<${checkName(name)}${formatAttributes(attributes)}/>`);
    return this;
  }

  /** An element holding only text (written as is: no indentation inside it). */
  text(name: string, content: string, attributes: XmlAttributes = {}): this {
    this.push(`${this.newLine()}<${checkName(name)}${formatAttributes(attributes)}>${escapeXmlText(content)}</${name}>`);
    return this;
  }

  /**
   * Each element on a line of its own, indented by depth: golden files and diffs stay readable.
   * Only whitespace between elements is added, which element-only content ignores.
   */
  private newLine(): string {
    if (this.open.length === 0) return '';
    this.hasChildren[this.hasChildren.length - 1] = true;
    return `\n${'  '.repeat(this.open.length)}`;
  }

  /** The chunks written since the last call, once there are enough of them (or all, when `flush`). */
  take(flush = false): string | null {
    if (this.bufferedChars === 0 || (!flush && this.bufferedChars < CHUNK_CHARS)) return null;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedChars = 0;
    return chunk;
  }

  /** Everything, for small documents; checks that every element was closed. */
  finish(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open.at(-1)}> was not closed`);
    this.push('\n');
    return this.take(true) ?? '';
  }

  private push(part: string): void {
    this.buffer.push(part);
    this.bufferedChars += part.length;
  }
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${name}`);
  return name;
}

function formatAttributes(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out += ` ${checkName(name)}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}
