// Search latency: each query through HTTP (the whole stack) and through SearchService (no
// HTTP), next to the same query as a plain ILIKE '%...%' scan of passages.text, the reference
// a naive implementation would use. Queries run one at a time after a short warm-up.
import { SearchQuerySchema } from '@marginalia/shared';
import { SearchService } from '../dist/modules/search/search.service.js';
import { summarise, timeEach } from './stats.mjs';

const WARM_UP = 20;

/** Top page plus total, in document order: what the ILIKE reference returns for one query. */
const ILIKE_SQL = `SELECT p.id, p.document_id, p.index, count(*) OVER () AS total
                     FROM passages p
                    WHERE p.workspace_id = $1 AND p.text ILIKE $2
                    ORDER BY p.document_id, p.index
                    LIMIT 20`;

const escapeLike = (text) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** The user's query and the ILIKE pattern for each kind. */
export const KINDS = {
  word: { label: 'single word', q: (word) => word, pattern: (word) => `%${escapeLike(word)}%` },
  phrase: { label: 'phrase', q: (phrase) => `"${phrase}"`, pattern: (phrase) => `%${escapeLike(phrase)}%` },
  prefix: { label: 'prefix*', q: (prefix) => `${prefix}*`, pattern: (prefix) => `%${escapeLike(prefix)}%` },
};

export async function measureKind({ app, client, dataSource, workspaceId }, kind, terms) {
  const { q, pattern } = KINDS[kind];
  const service = app.get(SearchService);
  const overHttp = (term) => client.expect(200, 'GET', `/workspaces/${workspaceId}/search?${new URLSearchParams({ q: q(term), limit: '20' })}`);
  const inService = (term) => service.search(workspaceId, SearchQuerySchema.parse({ q: q(term), limit: 20 }));
  const withIlike = async (term) => {
    const rows = await dataSource.query(ILIKE_SQL, [workspaceId, pattern(term)]);
    return { total: Number(rows[0]?.total ?? 0) };
  };
  for (const run of [overHttp, inService, withIlike]) await timeEach(terms.slice(0, WARM_UP), run);
  const http = await timeEach(terms, overHttp);
  const direct = await timeEach(terms, inService);
  const ilike = await timeEach(terms, withIlike);
  const meanTotal = (results) => results.reduce((sum, result) => sum + result.total, 0) / results.length;
  const totals = terms.map((term, i) => ({ q: q(term), total: http.results[i].total }));
  return {
    totals,
    capped: totals.filter((entry) => entry.total >= 10_000).length,
    http: summarise(http.durations),
    service: summarise(direct.durations),
    ilike: summarise(ilike.durations),
    searchHits: meanTotal(http.results),
    ilikeHits: meanTotal(ilike.results),
    empty: http.results.filter((result) => result.total === 0).length,
  };
}
