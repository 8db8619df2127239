/** Full-text search over a workspace's passages: parse, let Postgres build the tsquery, run it. */
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasCjk, type SearchQuerySchema, type SearchResponse, type SearchResult } from '@marginalia/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { cjkNeedles } from './cjk-terms.js';
import { cjkSnippet } from './cjk-snippet.js';
import { extractHighlights } from './highlights.js';
import { MAX_SEARCH_TERMS, parseSearchQuery, termCount } from './search-query.js';
import { countStatement, pageStatement, type SearchFilters } from './search-sql.js';
import { compileTsQuery } from './tsquery-sql.js';

type SearchRequest = z.output<typeof SearchQuerySchema>;

interface ResultRow {
  id: string;
  document_id: string;
  document_title: string;
  index: number;
  start: number;
  end: number;
  rank: number;
  /** count(*) is a bigint, which pg returns as a string. */
  total: string;
  headline: string;
}

interface CompiledQuery {
  /** The query as tsquery text, or null when it has no positive lexeme. */
  tsquery: string | null;
  /** Positive terms that gave no lexeme (stop words such as "the"), as typed. */
  ignoredWords: string[];
  /** CJK runs of the positive terms, for snippets. */
  needles: string[];
}

@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(workspaceId: string, request: SearchRequest): Promise<SearchResponse> {
    const { q, ...filters } = request;
    const { tsquery, ignoredWords, needles } = await this.compile(workspaceId, q);
    // Only stop words, symbols or exclusions: nothing to look for, which is not an error.
    if (tsquery === null) return { results: [], total: 0, ignoredWords, searched: false };
    return { ...(await this.run(workspaceId, tsquery, filters, needles)), ignoredWords, searched: true };
  }

  private async compile(workspaceId: string, q: string): Promise<CompiledQuery> {
    const parsed = parseSearchQuery(q);
    if (termCount(parsed) > MAX_SEARCH_TERMS) throw new BadRequestException(`invalid query: q has more than ${MAX_SEARCH_TERMS} search terms`);
    if (parsed.required.length === 0) return { tsquery: null, ignoredWords: [], needles: [] };
    const { sql, params, positiveTerms } = compileTsQuery(parsed, workspaceId);
    const rows = (await this.dataSource.query(sql, params)) as { positive_nodes: number; term_nodes: number[]; query: string }[];
    const row = rows[0];
    const ignoredWords = positiveTerms.filter((_, i) => row?.term_nodes[i] === 0).map((term) => term.text);
    const needles = positiveTerms.flatMap((term) => cjkNeedles(term.text));
    return { tsquery: row && row.positive_nodes > 0 ? row.query : null, ignoredWords, needles };
  }

  private async run(workspaceId: string, tsquery: string, filters: SearchFilters, needles: string[]): Promise<Pick<SearchResponse, 'results' | 'total'>> {
    const page = pageStatement(workspaceId, tsquery, filters);
    const rows = (await this.dataSource.query(page.sql, page.params)) as ResultRow[];
    if (rows[0]) return { results: rows.map((row) => toResult(row, needles)), total: Number(rows[0].total) };
    // An empty page carries no total: either nothing matches, or the offset is past the end.
    if (filters.offset === 0) return { results: [], total: 0 };
    const count = countStatement(workspaceId, tsquery, filters);
    const counted = (await this.dataSource.query(count.sql, count.params)) as { total: number }[];
    return { results: [], total: counted[0]?.total ?? 0 };
  }
}

function toResult(row: ResultRow, needles: string[]): SearchResult {
  // A passage with CJK text comes whole (see search-sql.ts): cut and highlighted here.
  const { snippet, highlights } = hasCjk(row.headline) ? cjkSnippet(row.headline, needles) : extractHighlights(row.headline);
  return {
    documentId: row.document_id,
    documentTitle: row.document_title,
    passageId: row.id,
    passageIndex: row.index,
    start: row.start,
    end: row.end,
    snippet,
    highlights,
    rank: Number(row.rank),
  };
}
