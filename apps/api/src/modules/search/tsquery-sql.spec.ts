import { describe, expect, it } from '@jest/globals';
import { parseSearchQuery } from './search-query.js';
import { compileTsQuery } from './tsquery-sql.js';

describe('compileTsQuery', () => {
  it('binds every term as a parameter and combines them with tsquery operators', () => {
    const { sql, params } = compileTsQuery(parseSearchQuery(`spy OR "secret agent" democra* Robert'); DROP TABLE passages; --`));
    expect(params).toEqual(['spy', 'secret agent', 'democra', "Robert');", 'DROP', 'TABLE', 'passages;']);
    expect(sql).toContain(`(plainto_tsquery('english', $1) || phraseto_tsquery('english', $2)) && (to_tsquery('english', quote_literal($3) || ':*')) && (plainto_tsquery('english', $4))`);
    expect(sql).not.toMatch(/DROP|Robert/);
  });

  it('negates the excluded terms together', () => {
    const { sql, params } = compileTsQuery(parseSearchQuery('spy -mole -"double agent"'));
    expect(params).toEqual(['spy', 'mole', 'double agent']);
    expect(sql).toContain(`positive && !!((plainto_tsquery('english', $2) || phraseto_tsquery('english', $3)))`);
  });

  it('has an empty positive part when nothing is required', () => {
    expect(compileTsQuery({ required: [], excluded: [] }).sql).toContain(`SELECT ''::tsquery AS positive`);
  });
});
