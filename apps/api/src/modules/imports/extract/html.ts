/**
 * HTML to its main text (Readability, as Firefox's reader view does, over linkedom's DOM),
 * plus what the page says about itself: title, author, publication date, canonical URL,
 * language, site name. When Readability finds no article, the page's body without its
 * furniture (navigation, header, footer, asides) is used.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from './decode-text.js';
import { assertElementCount } from './element-count.js';
import type { ExtractedDocument } from './extracted-document.js';
import { BOILERPLATE_SELECTOR, htmlNodeToText } from './html-text.js';
import { calendarDate, httpUrl, languageTag, oneLine } from './metadata-values.js';

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

export function extractHtml(bytes: Uint8Array, charset: string | null): ExtractedDocument {
  const html = decodeText(bytes, charset ?? declaredCharset(bytes)).text;
  assertElementCount(html, 'elements');
  const { document } = parseHTML(html);
  // Read metadata first: Readability rewrites the document it is given.
  const metadata = readMetadata(document);
  const article = suitsReadability(document) ? readArticle(html) : null;
  const text = article?.text ?? fallbackText(document);
  return {
    ...metadata,
    text,
    author: metadata.author ?? oneLine(article?.byline),
    publishedOn: metadata.publishedOn ?? calendarDate(article?.publishedTime),
    source: metadata.source ?? oneLine(article?.siteName),
  };
}

/** <meta charset> or http-equiv Content-Type within the first KB, as browsers look for it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1] ?? null;
}

/**
 * Readability's cost grows steeply with nesting depth (seconds at a depth of 1,000, a stack
 * overflow past 3,000) and with page size; such pages get the plain fallback instead.
 */
const READABILITY_MAX_DEPTH = 150;
const READABILITY_MAX_ELEMENTS = 30_000;

function suitsReadability(document: HtmlDocument): boolean {
  const root = document.documentElement;
  if (!root) return false;
  const stack: { element: Element; depth: number }[] = [{ element: root, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    count += 1;
    if (depth > READABILITY_MAX_DEPTH || count > READABILITY_MAX_ELEMENTS) return false;
    for (const child of element.children) stack.push({ element: child, depth: depth + 1 });
  }
  return true;
}

type Element = NonNullable<HtmlDocument['documentElement']>;

function readArticle(html: string): { text: string; byline: string | null; siteName: string | null; publishedTime: string | null } | null {
  const { document } = parseHTML(html);
  removeFurniture(document, READABILITY_FURNITURE_SELECTOR);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: false }).parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const text = htmlNodeToText(content.body);
  return text.trim() ? { text, byline: article.byline ?? null, siteName: article.siteName ?? null, publishedTime: article.publishedTime ?? null } : null;
}

/**
 * Readability sometimes keeps a short page's menu; what is certainly not the article goes
 * before it looks. Headers and footers stay: inside an <article> they hold its headline.
 */
const READABILITY_FURNITURE_SELECTOR = 'nav, aside, form, [role="navigation"], [role="complementary"], [role="search"], body > header, body > footer';

function removeFurniture(document: HtmlDocument, selector: string): void {
  for (const element of [...document.querySelectorAll(selector)]) element.remove();
}

function fallbackText(document: HtmlDocument): string {
  const body = document.body ?? document.documentElement;
  if (!body) return '';
  removeFurniture(document, BOILERPLATE_SELECTOR);
  return htmlNodeToText(body);
}

function meta(document: HtmlDocument, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content');
    if (value?.trim()) return value.trim();
  }
  return null;
}

function readMetadata(document: HtmlDocument): Omit<ExtractedDocument, 'text'> {
  const h1 = document.querySelector('h1')?.textContent;
  const title = oneLine(meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]')) ?? oneLine(document.querySelector('title')?.textContent) ?? oneLine(h1);
  const author = meta(document, 'meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator"]', 'meta[name="DC.creator"]', 'meta[name="byl"]');
  const published = meta(
    document,
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  );
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'meta[property="og:url"]');
  const language = document.documentElement?.getAttribute('lang') ?? meta(document, 'meta[http-equiv="content-language"]', 'meta[property="og:locale"]');
  return {
    title,
    // A profile URL is not a name.
    author: author && !/^https?:\/\//i.test(author) ? oneLine(author) : null,
    publishedOn: calendarDate(published),
    url: httpUrl(canonical),
    language: languageTag(language),
    source: oneLine(meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]')),
  };
}
