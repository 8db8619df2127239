import { z } from 'zod';
import { CalendarDateSchema } from './documents.js';
import { UuidSchema, lineText } from './common.js';

/**
 * Full-text search. Query syntax: words (all must match, stemmed in each document's language),
 * "quoted phrases", prefix* (word starts), -word (exclude), OR between alternatives. Chinese,
 * Japanese and Korean text needs no spaces: any two or more characters are found where they
 * appear in that order.
 */
export const SearchQuerySchema = z.strictObject({
  q: lineText().min(1, 'must not be empty').max(500),
  documentId: UuidSchema.optional(),
  source: lineText().max(300).optional(),
  author: lineText().max(300).optional(),
  language: lineText().max(35).optional(),
  publishedFrom: CalendarDateSchema.optional(),
  publishedTo: CalendarDateSchema.optional(),
  actorId: UuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type SearchQuery = z.input<typeof SearchQuerySchema>;

export const SearchResultSchema = z.object({
  documentId: UuidSchema,
  documentTitle: z.string(),
  passageId: UuidSchema,
  passageIndex: z.number().int(),
  /** The passage's span in the document, in code points. */
  start: z.number().int(),
  end: z.number().int(),
  /** Plain text around the matches; never HTML. */
  snippet: z.string(),
  /** Matched ranges within `snippet`, in code points. */
  highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  rank: z.number(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResponseSchema = z.object({
  results: z.array(SearchResultSchema),
  /** Passages matching in all (for paging), capped at 10,000. */
  total: z.number().int(),
  /**
   * Words of the query that search ignores, as typed: too common to index in the documents'
   * languages (stop words such as "the").
   */
  ignoredWords: z.array(z.string()),
  /** False when the query had nothing to look for: only ignored words, or only exclusions. */
  searched: z.boolean(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
