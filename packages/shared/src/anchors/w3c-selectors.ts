/**
 * The W3C Web Annotation (2017 Recommendation) forms of anchors: a text anchor is a
 * SpecificResource on the document with a TextQuoteSelector and a TextPositionSelector (code
 * points, end exclusive) as alternatives; an element anchor is the collaborative document with
 * a FragmentSelector naming the element. Exports and imports go through these two functions.
 */
import type { ElementAnchor, TextAnchor } from './text-anchor.js';

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface W3cTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface W3cFragmentSelector {
  type: 'FragmentSelector';
  value: string;
}
export type W3cSelector = W3cTextQuoteSelector | W3cTextPositionSelector | W3cFragmentSelector;

export interface W3cSpecificResource {
  type: 'SpecificResource';
  source: string;
  selector: W3cSelector[];
}

/** IRIs for the sources: the caller decides (e.g. `${publicUrl}/w/${workspaceId}/documents/`). */
export interface W3cSourceIris {
  document: (documentId: string) => string;
  collabDocument: (docName: string) => string;
}

export function textAnchorToW3c(anchor: TextAnchor, iris: Pick<W3cSourceIris, 'document'>): W3cSpecificResource {
  return {
    type: 'SpecificResource',
    source: iris.document(anchor.documentId),
    selector: [
      { type: 'TextQuoteSelector', exact: anchor.quote.exact, prefix: anchor.quote.prefix, suffix: anchor.quote.suffix },
      { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
    ],
  };
}

export function elementAnchorToW3c(anchor: ElementAnchor, iris: Pick<W3cSourceIris, 'collabDocument'>): W3cSpecificResource {
  return { type: 'SpecificResource', source: iris.collabDocument(anchor.docName), selector: [{ type: 'FragmentSelector', value: anchor.elementId }] };
}

/**
 * Reads a text target back: the position selector when present, and the quote when present
 * (the server checks that they agree). Returns null when neither is usable.
 */
export function textSelectorsFromW3c(selectors: readonly W3cSelector[]): { start?: number; end?: number; exact?: string } | null {
  const position = selectors.find((selector): selector is W3cTextPositionSelector => selector.type === 'TextPositionSelector');
  const quote = selectors.find((selector): selector is W3cTextQuoteSelector => selector.type === 'TextQuoteSelector');
  if (!position && !quote) return null;
  return { ...(position ? { start: position.start, end: position.end } : {}), ...(quote ? { exact: quote.exact } : {}) };
}
