/**
 * From parsed terms to a tsquery, built by Postgres: every term is a bound parameter that
 * Postgres's own parser and stemmer turn into lexemes, and the pieces are combined with the
 * tsquery operators (&&, ||, !!). User text is never spliced into SQL or into tsquery syntax,
 * so no input can produce a syntax error or change the query's shape.
 *
 * Passages are indexed with their document's language (multilingual-search migration), so a
 * term is looked up in each configuration the workspace uses and the lookups are ORed: "spies"
 * is `'spi'` for English documents and `'spies'` for the others. Chinese, Japanese and Korean
 * parts of a term become character pairs (cjk-terms.ts).
 */
import { cjkTermSegments, type TermSegment } from './cjk-terms.js';
import type { ParsedSearch, SearchTerm } from './search-query.js';

/** The configurations of the workspace's documents ($1), and English (a workspace without documents, the default). */
const CONFIGS = `configs AS (SELECT DISTINCT search_config_for_language(language)::regconfig AS config FROM documents WHERE workspace_id = $1
                             UNION SELECT 'english'::regconfig)`;

export interface TsQuerySql {
  /** Compiles to (positive part's node count, each positive term's node count, the whole query as text). */
  sql: string;
  params: string[];
  /** The positive terms, in the order of the term_nodes column. */
  positiveTerms: SearchTerm[];
}

/**
 * One statement that returns the positive part's size (0 when only stop words or symbols
 * were given: nothing to look for), the size of each positive term (0: ignored, e.g. "the")
 * and the final query as text, to bind as `$n::tsquery`.
 */
export function compileTsQuery(parsed: ParsedSearch, workspaceId: string): TsQuerySql {
  const params: string[] = [workspaceId];
  const columns: string[] = [];
  const bind = (value: string): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const column = (searchTerm: SearchTerm): string => {
    columns.push(`${termSql(searchTerm, bind)} AS t${columns.length + 1}`);
    return `t${columns.length}`;
  };
  const positiveTerms = parsed.required.flat();
  const positive = parsed.required.map((alternatives) => `(${alternatives.map(column).join(' || ')})`).join(' && ') || `''::tsquery`;
  const positiveColumns = columns.map((_, i) => `numnode(t${i + 1})`);
  const negative = parsed.excluded.length > 0 ? `(${parsed.excluded.map(column).join(' || ')})` : null;
  const query = negative ? `positive && !!(${negative})` : 'positive';
  return {
    sql: `WITH ${CONFIGS}
          SELECT numnode(positive) AS positive_nodes, ARRAY[${positiveColumns.join(', ')}]::int[] AS term_nodes, (${query})::text AS query
            FROM (SELECT terms.*, ${positive} AS positive FROM (SELECT ${columns.join(', ')}) terms) parts`,
    params,
    positiveTerms,
  };
}

/** OR of the term's tsquery in every configuration in use. */
const inEachConfig = (tsquery: string): string => `(SELECT tsquery_or_agg(${tsquery}) FROM configs)`;

function termSql(term: SearchTerm, bind: (value: string) => string): string {
  const segments = cjkTermSegments(term.text);
  if (segments) return segmentsSql(segments, bind);
  switch (term.kind) {
    case 'word':
      return inEachConfig(`plainto_tsquery(config, ${bind(term.text)})`);
    case 'phrase':
      return inEachConfig(`phraseto_tsquery(config, ${bind(term.text)})`);
    case 'prefix':
      // quote_literal makes the term one tsquery operand whatever it contains; the parser keeps
      // only letters, digits, apostrophes and hyphens in it, so no E'' escapes appear either.
      return inEachConfig(`to_tsquery(config, quote_literal(${bind(term.text)}) || ':*')`);
  }
}

/** A term with CJK: all of its pieces (see cjk-terms.ts for why not side by side). */
function segmentsSql(segments: TermSegment[], bind: (value: string) => string): string {
  const pieceSql = (segment: TermSegment): string => {
    switch (segment.kind) {
      case 'words':
        return inEachConfig(`phraseto_tsquery(config, ${bind(segment.text)})`);
      case 'pairs':
        return `phraseto_tsquery('simple', ${bind(segment.text)})`;
      case 'character':
        return `to_tsquery('simple', quote_literal(${bind(segment.text)}) || ':*')`;
    }
  };
  return `(${segments.map(pieceSql).join(' && ')})`;
}
