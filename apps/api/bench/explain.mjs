// EXPLAIN ANALYZE of the real search statements (built by the same functions the service
// uses), summarised to what matters: does the GIN index find the matches, and how long it took.
import { SearchQuerySchema } from '@marginalia/shared';
import { countStatement, pageStatement } from '../dist/modules/search/search-sql.js';
import { parseSearchQuery } from '../dist/modules/search/search-query.js';
import { compileTsQuery } from '../dist/modules/search/tsquery-sql.js';

function nodes(plan, depth = 0, out = []) {
  out.push({ depth, plan });
  for (const child of plan.Plans ?? []) nodes(child, depth + 1, out);
  return out;
}

function describe(plan) {
  const name = plan['Node Type'];
  const index = plan['Index Name']?.startsWith('PK_') ? `${plan['Relation Name']} primary key` : plan['Index Name'];
  const on = index ?? plan['Relation Name'];
  return on ? `${name} on ${on}` : name;
}

async function explain(dataSource, statement) {
  const [{ 'QUERY PLAN': [result] }] = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.params);
  const all = nodes(result.Plan);
  const scans = all.filter(({ plan }) => /Scan/.test(plan['Node Type']) && (plan['Relation Name'] === 'passages' || plan['Index Name']?.startsWith('passages')));
  const heap = all.find(({ plan }) => plan['Node Type'] === 'Bitmap Heap Scan' || plan['Node Type'] === 'Seq Scan');
  return {
    ms: result['Execution Time'],
    /** Passages the scan handed up: the matches, stopped at the cap. */
    read: heap?.plan['Actual Rows'] ?? 0,
    scans: [...new Set(scans.map(({ plan }) => describe(plan)))].join(', '),
    tree: all.map(({ depth, plan }) => `${'  '.repeat(depth)}${describe(plan)} (rows=${plan['Actual Rows']}, ${plan['Actual Total Time']?.toFixed(2)} ms)`).join('\n'),
  };
}

/** One row per sample query: the passage scans chosen for the page and count statements. */
export async function explainSearches(dataSource, workspaceId, samples) {
  const rows = [];
  for (const { label, q } of samples) {
    const { sql, params } = compileTsQuery(parseSearchQuery(q));
    const [{ query: tsquery }] = await dataSource.query(sql, params);
    const filters = SearchQuerySchema.parse({ q, limit: 20 });
    const page = await explain(dataSource, pageStatement(workspaceId, tsquery, filters));
    const count = await explain(dataSource, countStatement(workspaceId, tsquery, filters));
    rows.push({ label, q, page, count });
  }
  return rows;
}
