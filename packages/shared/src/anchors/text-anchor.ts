/**
 * The one way Marginalia points into things: a span of a corpus document (`TextAnchor`) or an
 * element of a collaborative document (`ElementAnchor`). Annotations use it now; comments,
 * map evidence and exports reuse it. Offsets count Unicode code points, end exclusive (as W3C
 * Web Annotation's TextPositionSelector and REFI-QDA do); the quote is computed by the server
 * from the frozen text, so it can be trusted to re-find the span.
 */
import { z } from 'zod';
import { UuidSchema } from '../schemas/common.js';

/** Characters of context kept before and after a quote (W3C prefix / suffix). */
export const QUOTE_CONTEXT_LENGTH = 32;

/** W3C Web Annotation TextQuoteSelector without its `type`: the quoted text and its context. */
export const TextQuoteSchema = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuote = z.infer<typeof TextQuoteSchema>;

/** What a client sends to point at a span: the server checks it and adds the quote. */
export const TextAnchorInputSchema = z.strictObject({
  documentId: UuidSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** Optional: the text the client believes is at these offsets; refused when it differs. */
  exact: z.string().max(100_000).optional(),
});
export type TextAnchorInput = z.input<typeof TextAnchorInputSchema>;

/** A checked span of a document, with its quote. */
export const TextAnchorSchema = z.object({
  kind: z.literal('text'),
  documentId: UuidSchema,
  start: z.number().int(),
  end: z.number().int(),
  quote: TextQuoteSchema,
});
export type TextAnchor = z.infer<typeof TextAnchorSchema>;

/** An element (map node, edge, ACH cell...) of a collaborative document, by its stable id. */
export const ElementAnchorSchema = z.object({
  kind: z.literal('element'),
  docName: z.string().min(1).max(200),
  elementId: z.string().min(1).max(200),
});
export type ElementAnchor = z.infer<typeof ElementAnchorSchema>;

export const AnchorSchema = z.discriminatedUnion('kind', [TextAnchorSchema, ElementAnchorSchema]);
export type Anchor = z.infer<typeof AnchorSchema>;
