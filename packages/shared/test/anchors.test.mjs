/**
 * Text anchors count code points: an emoji or a CJK Extension B ideograph is one character
 * though JavaScript strings hold it as two UTF-16 units. Quotes, span checks and the W3C forms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OffsetMap, quoteOf, spanProblem, spansOverlap, textAnchorToW3c, elementAnchorToW3c, textSelectorsFromW3c, AnchorSchema, TextAnchorInputSchema } from '../dist/index.js';

// "𠀋" (U+2000B, CJK Extension B) and "😀" (U+1F600) are each one code point, two UTF-16 units.
const TEXT = 'Spy 😀 hunt: 𠀋𠀋 said Yao.';

test('offsets are code points: the quote of an astral span is the characters a reader sees', () => {
  assert.equal([...TEXT].length, 24);
  assert.equal(TEXT.length, 27);
  const start = [...TEXT].indexOf('𠀋');
  assert.equal(start, 12);
  assert.deepEqual(quoteOf(TEXT, start, start + 2, 5), { exact: '𠀋𠀋', prefix: 'unt: ', suffix: ' said' });
  assert.deepEqual(quoteOf(TEXT, 4, 5, 4), { exact: '😀', prefix: 'Spy ', suffix: ' hun' });
});

test('prefix and suffix are cut at the ends of the text, never past them', () => {
  const map = new OffsetMap(TEXT);
  assert.deepEqual(quoteOf(map, 0, 3), { exact: 'Spy', prefix: '', suffix: ' 😀 hunt: 𠀋𠀋 said Yao.' });
  assert.deepEqual(quoteOf(map, 23, 24, 2), { exact: '.', prefix: 'ao', suffix: '' });
});

test('a quote never splits a surrogate pair, whatever the context length', () => {
  for (let context = 0; context < 30; context += 1) {
    for (let start = 0; start < 24; start += 1) {
      const quote = quoteOf(TEXT, start, start + 1, context);
      for (const part of [quote.exact, quote.prefix, quote.suffix]) assert.doesNotMatch(part, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      assert.equal([...quote.exact].length, 1);
    }
  }
});

test('span problems say what is wrong, measured in code points', () => {
  const length = [...TEXT].length;
  assert.equal(spanProblem(length, 0, length), null);
  assert.equal(spanProblem(length, 5, 5), 'the span is empty: end must be greater than start');
  assert.equal(spanProblem(length, 6, 5), 'end must be greater than start');
  assert.equal(spanProblem(length, -1, 5), 'start must not be negative');
  // 25 would still be inside the UTF-16 length (27): the check must not count units.
  assert.equal(spanProblem(length, 20, 25), 'the span ends after the document (it has 24 characters)');
});

test('overlap is shared characters: touching spans do not overlap', () => {
  assert.equal(spansOverlap(0, 5, 5, 9), false);
  assert.equal(spansOverlap(0, 6, 5, 9), true);
  assert.equal(spansOverlap(3, 4, 0, 10), true);
});

test('W3C forms: quote and position selectors as alternatives, and read back', () => {
  const anchor = { kind: 'text', documentId: '6f1c7c1e-1d1b-4c52-8d5c-2f0f8e5b1a11', start: 12, end: 14, quote: quoteOf(TEXT, 12, 14) };
  assert.ok(AnchorSchema.safeParse(anchor).success);
  const target = textAnchorToW3c(anchor, { document: (id) => `https://example.test/documents/${id}` });
  assert.deepEqual(target, {
    type: 'SpecificResource',
    source: 'https://example.test/documents/6f1c7c1e-1d1b-4c52-8d5c-2f0f8e5b1a11',
    selector: [
      { type: 'TextQuoteSelector', exact: '𠀋𠀋', prefix: 'Spy 😀 hunt: ', suffix: ' said Yao.' },
      { type: 'TextPositionSelector', start: 12, end: 14 },
    ],
  });
  assert.deepEqual(textSelectorsFromW3c(target.selector), { start: 12, end: 14, exact: '𠀋𠀋' });
  assert.equal(textSelectorsFromW3c([{ type: 'FragmentSelector', value: 'x' }]), null);
  const element = elementAnchorToW3c({ kind: 'element', docName: 'map-1', elementId: 'node-7' }, { collabDocument: (name) => `urn:marginalia:doc:${name}` });
  assert.deepEqual(element, { type: 'SpecificResource', source: 'urn:marginalia:doc:map-1', selector: [{ type: 'FragmentSelector', value: 'node-7' }] });
});

test('the input schema refuses unknown fields and negative offsets', () => {
  assert.equal(TextAnchorInputSchema.safeParse({ documentId: '6f1c7c1e-1d1b-4c52-8d5c-2f0f8e5b1a11', start: 0, end: 3 }).success, true);
  assert.equal(TextAnchorInputSchema.safeParse({ documentId: '6f1c7c1e-1d1b-4c52-8d5c-2f0f8e5b1a11', start: -1, end: 3 }).success, false);
  assert.equal(TextAnchorInputSchema.safeParse({ documentId: '6f1c7c1e-1d1b-4c52-8d5c-2f0f8e5b1a11', start: 0, end: 3, page: 1 }).success, false);
});
