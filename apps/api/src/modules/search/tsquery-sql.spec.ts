import { describe, expect, it } from '@jest/globals';
import { cjkTermSegments } from './cjk-terms.js';
import { parseSearchQuery } from './search-query.js';
import { compileTsQuery } from './tsquery-sql.js';

const WORKSPACE = '00000000-0000-4000-8000-000000000000';
const each = (tsquery: string): string => `(SELECT tsquery_or_agg(${tsquery}) FROM configs)`;

describe('compileTsQuery', () => {
  it('binds every term as a parameter and combines them with tsquery operators, in each configuration in use', () => {
    const { sql, params } = compileTsQuery(parseSearchQuery(`spy OR "secret agent" democra* Robert'); DROP TABLE passages; --`), WORKSPACE);
    expect(params).toEqual([WORKSPACE, 'spy', 'secret agent', 'democra', "Robert');", 'DROP', 'TABLE', 'passages;']);
    expect(sql).toContain(`${each('plainto_tsquery(config, $2)')} AS t1, ${each('phraseto_tsquery(config, $3)')} AS t2, ${each(`to_tsquery(config, quote_literal($4) || ':*')`)} AS t3`);
    expect(sql).toContain(`(t1 || t2) && (t3) && (t4) && (t5) && (t6) && (t7) AS positive`);
    expect(sql).not.toMatch(/DROP|Robert/);
  });

  it('negates the excluded terms together and counts only the positive terms', () => {
    const { sql, params, positiveTerms } = compileTsQuery(parseSearchQuery('spy -mole -"double agent"'), WORKSPACE);
    expect(params).toEqual([WORKSPACE, 'spy', 'mole', 'double agent']);
    expect(positiveTerms).toEqual([{ kind: 'word', text: 'spy' }]);
    expect(sql).toContain(`ARRAY[numnode(t1)]::int[] AS term_nodes, (positive && !!((t2 || t3)))::text`);
  });

  it('has an empty positive part when nothing is required', () => {
    expect(compileTsQuery({ required: [], excluded: [] }, WORKSPACE).sql).toContain(`''::tsquery AS positive`);
  });

  it('looks up CJK runs as phrases of character pairs, and one character as a prefix', () => {
    const { sql, params } = compileTsQuery(parseSearchQuery('国家安全 国'), WORKSPACE);
    expect(params).toEqual([WORKSPACE, '国家 家安 安全', '国']);
    expect(sql).toContain(`(phraseto_tsquery('simple', $2)) AS t1, (to_tsquery('simple', quote_literal($3) || ':*')) AS t2`);
  });
});

describe('cjkTermSegments', () => {
  it('leaves terms without CJK alone', () => {
    expect(cjkTermSegments('spies')).toBeNull();
  });

  it('keeps the pieces of a mixed term, each CJK run as pairs or one character', () => {
    expect(cjkTermSegments('iPhone手机, x2024')).toEqual([
      { kind: 'words', text: 'iPhone' },
      { kind: 'pairs', text: '手机' },
      { kind: 'words', text: ', x2024' },
    ]);
    expect(cjkTermSegments('Xi的policy 国家安全')).toEqual([
      { kind: 'words', text: 'Xi' },
      { kind: 'character', text: '的' },
      { kind: 'words', text: 'policy ' },
      { kind: 'pairs', text: '国家 家安 安全' },
    ]);
  });
});
