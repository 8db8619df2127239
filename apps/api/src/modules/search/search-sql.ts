/**
 * The SQL of one search, as text plus bound parameters. Filters are parameters too; only fixed
 * fragments from this file become SQL.
 *
 * Plan (EXPLAIN on 117k passages, see bench/): the GIN index on search_vector finds the
 * matches (bitmap scan); ts_rank_cd runs on at most CANDIDATES of them; a sort on rank alone
 * keeps the best; their documents are joined for the title tie-break; ts_headline, the
 * expensive part, runs on the page's rows only, in each passage's own text search configuration.
 * One scan gives both the page and the total.
 */
import type { SearchQuerySchema } from '@marginalia/shared';
import type { z } from 'zod';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './highlights.js';

export type SearchFilters = Omit<z.output<typeof SearchQuerySchema>, 'q'>;

/**
 * Matches looked at per search: counted (the client shows "10,000+") and ranked. A query that
 * matches more passages than this is ranked among the first CANDIDATES the index yields, not
 * among all: ranking costs ~2 µs a row, and a word in half of 100k passages would otherwise
 * take 150 ms for a page of "best" results that say little anyway.
 */
export const CANDIDATES = 10_000;

/**
 * ts_headline options. Up to two fragments of a passage around the best matches; a passage
 * without a usable fragment (e.g. matched by stem only) still gives its first words.
 */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** For passages with CJK text: the whole passage marked, cut to a snippet by cjk-snippet.ts. */
export const WHOLE_PASSAGE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

/** ts_rank_cd normalisation 1: divide by 1 + log(length), so long passages do not win by size. */
const RANK_NORMALIZATION = 1;

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

interface Conditions {
  where: string;
  params: unknown[];
  joinsDocuments: boolean;
}

/** WHERE clause over passages `p` (and documents `d` when a metadata filter needs them). $1 is the tsquery. */
function conditions(workspaceId: string, tsquery: string, filters: SearchFilters): Conditions {
  const params: unknown[] = [tsquery, workspaceId];
  const where = ['p.workspace_id = $2', 'p.search_vector @@ $1::tsquery'];
  let joinsDocuments = false;
  const add = (sql: (param: string) => string, value: unknown, onDocuments = false): void => {
    params.push(value);
    where.push(sql(`$${params.length}`));
    joinsDocuments ||= onDocuments;
  };
  // Same matching as the documents list: exact, ignoring case.
  if (filters.documentId) add((p) => `p.document_id = ${p}`, filters.documentId);
  if (filters.source) add((p) => `lower(d.source) = lower(${p})`, filters.source, true);
  if (filters.author) add((p) => `lower(d.author) = lower(${p})`, filters.author, true);
  if (filters.language) add((p) => `lower(d.language) = lower(${p})`, filters.language, true);
  if (filters.publishedFrom) add((p) => `d.published_on >= ${p}::date`, filters.publishedFrom, true);
  if (filters.publishedTo) add((p) => `d.published_on <= ${p}::date`, filters.publishedTo, true);
  // The passage must overlap one of the actor's attributed spans, not merely share a document.
  if (filters.actorId) {
    add(
      (p) => `EXISTS (SELECT 1 FROM attributions a
                WHERE a.actor_id = ${p} AND a.workspace_id = p.workspace_id AND a.document_id = p.document_id
                  AND a.start < p."end" AND a."end" > p.start)`,
      filters.actorId,
    );
  }
  return { where: where.join(' AND '), params, joinsDocuments };
}

/**
 * A page of results with the total: rank, then documents in title order, then reading order.
 *
 * Work per candidate is kept to the minimum, because a broad query has CANDIDATES of them:
 * read the passage, rank it, count it. Only the best `offset + limit` ranks, plus any rows tied
 * with the last of them, are joined to their documents for the title tie-break; ts_headline
 * runs on the page's rows only. (Joining and sorting every candidate by title cost a third
 * of the time of a broad query.)
 *
 * Candidates are numbered by row_number() rather than cut by LIMIT so that the planner costs
 * the whole match set and keeps the GIN bitmap scan (a LIMIT made it pick a sequential scan for
 * phrases of common words, several times slower); Postgres 15+ stops the scan at the cap
 * (a WindowAgg run condition). On older servers the cap still holds, without the saving.
 */
export function pageStatement(workspaceId: string, tsquery: string, filters: SearchFilters): SqlStatement {
  const { where, params, joinsDocuments } = conditions(workspaceId, tsquery, filters);
  const join = joinsDocuments ? 'JOIN documents d ON d.id = p.document_id' : '';
  params.push(CANDIDATES, filters.offset + filters.limit, filters.limit, filters.offset, HEADLINE_OPTIONS, WHOLE_PASSAGE_OPTIONS);
  const [cap, best, limit, offset, options, wholeOptions] = [6, 5, 4, 3, 2, 1].map((back) => `$${params.length + 1 - back}`);
  return {
    sql: `SELECT p.id, page.document_id, page.title AS document_title, p.index, p.start, p."end", page.rank, page.total,
                 ts_headline(p.search_config::regconfig, p.text, $1::tsquery, CASE WHEN has_cjk(p.text) THEN ${wholeOptions} ELSE ${options} END) AS headline
            FROM (SELECT best.*, d.title
                    FROM (SELECT candidate.id, candidate.document_id, candidate.index, candidate.rank, count(*) OVER () AS total
                            FROM (SELECT p.id, p.document_id, p.index,
                                         ts_rank_cd(p.search_vector, $1::tsquery, ${RANK_NORMALIZATION}) AS rank,
                                         row_number() OVER () AS number
                                    FROM passages p ${join}
                                   WHERE ${where}) candidate
                           WHERE candidate.number <= ${cap}
                           ORDER BY candidate.rank DESC
                           FETCH FIRST ${best} ROWS WITH TIES) best
                    JOIN documents d ON d.id = best.document_id
                   ORDER BY best.rank DESC, lower(d.title), best.document_id, best.index
                   LIMIT ${limit} OFFSET ${offset}) page
            JOIN passages p ON p.id = page.id
           ORDER BY page.rank DESC, lower(page.title), page.document_id, page.index`,
    params,
  };
}

/** How many passages match, counted up to CANDIDATES: for a page past the last result, which carries no total. */
export function countStatement(workspaceId: string, tsquery: string, filters: SearchFilters): SqlStatement {
  const { where, params, joinsDocuments } = conditions(workspaceId, tsquery, filters);
  const join = joinsDocuments ? 'JOIN documents d ON d.id = p.document_id' : '';
  params.push(CANDIDATES);
  return {
    sql: `SELECT count(*)::int AS total FROM (SELECT 1 FROM passages p ${join} WHERE ${where} LIMIT $${params.length}) capped`,
    params,
  };
}
