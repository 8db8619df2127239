/**
 * From parsed terms to a tsquery, built by Postgres: every term is a bound parameter that
 * Postgres's own parser and stemmer turn into lexemes, and the pieces are combined with the
 * tsquery operators (&&, ||, !!). User text is never spliced into SQL or into tsquery syntax,
 * so no input can produce a syntax error or change the query's shape.
 */
import type { ParsedSearch, SearchTerm } from './search-query.js';

/** The text search configuration of passages.search_vector (see the corpus migration). */
export const SEARCH_CONFIG = 'english';

export interface TsQuerySql {
  /** Compiles to (positive text, its node count, the whole query as text). */
  sql: string;
  params: string[];
}

/**
 * One statement that returns the positive part's size (0 when only stop words or symbols
 * were given: nothing to look for) and the final query as text, to bind as `$n::tsquery`.
 */
export function compileTsQuery(parsed: ParsedSearch): TsQuerySql {
  const params: string[] = [];
  const term = (searchTerm: SearchTerm): string => {
    params.push(searchTerm.text);
    return termSql(searchTerm, `$${params.length}`);
  };
  const positive = parsed.required.map((alternatives) => `(${alternatives.map(term).join(' || ')})`).join(' && ') || `''::tsquery`;
  const negative = parsed.excluded.length > 0 ? `(${parsed.excluded.map(term).join(' || ')})` : null;
  const query = negative ? `positive && !!(${negative})` : 'positive';
  return {
    sql: `SELECT numnode(positive) AS positive_nodes, (${query})::text AS query FROM (SELECT ${positive} AS positive) parts`,
    params,
  };
}

function termSql(term: SearchTerm, param: string): string {
  switch (term.kind) {
    case 'word':
      return `plainto_tsquery('${SEARCH_CONFIG}', ${param})`;
    case 'phrase':
      return `phraseto_tsquery('${SEARCH_CONFIG}', ${param})`;
    case 'prefix':
      // quote_literal makes the term one tsquery operand whatever it contains; the parser keeps
      // only letters, digits, apostrophes and hyphens in it, so no E'' escapes appear either.
      return `to_tsquery('${SEARCH_CONFIG}', quote_literal(${param}) || ':*')`;
  }
}
