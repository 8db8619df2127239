import { describe, expect, it } from '@jest/globals';
import { parseSearchQuery, termCount } from './search-query.js';

const word = (text: string) => ({ kind: 'word', text });
const phrase = (text: string) => ({ kind: 'phrase', text });
const prefix = (text: string) => ({ kind: 'prefix', text });

describe('parseSearchQuery', () => {
  it('reads words as terms that must all match', () => {
    expect(parseSearchQuery('spies  network')).toEqual({ required: [[word('spies')], [word('network')]], excluded: [] });
  });

  it('reads quoted phrases, prefixes and exclusions', () => {
    expect(parseSearchQuery('"secret service" democra* -embassy -"cold war"')).toEqual({
      required: [[phrase('secret service')], [prefix('democra')]],
      excluded: [word('embassy'), phrase('cold war')],
    });
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(parseSearchQuery('a b OR c "d e" OR f*')).toEqual({
      required: [[word('a')], [word('b'), word('c')], [phrase('d e'), prefix('f')]],
      excluded: [],
    });
  });

  it('chains several ORs into one group and forgives doubled ones', () => {
    expect(parseSearchQuery('spy OR agent OR OR mole').required).toEqual([[word('spy'), word('agent'), word('mole')]]);
  });

  it('drops an OR with nothing positive on one side', () => {
    expect(parseSearchQuery('OR spy OR')).toEqual({ required: [[word('spy')]], excluded: [] });
    expect(parseSearchQuery('spy OR -mole agent')).toEqual({ required: [[word('spy')], [word('agent')]], excluded: [word('mole')] });
  });

  it('treats a lower-case "or" as a word (a stop word to Postgres)', () => {
    expect(parseSearchQuery('spy or agent').required).toEqual([[word('spy')], [word('or')], [word('agent')]]);
  });

  it('keeps hyphens inside words and a lone minus out', () => {
    expect(parseSearchQuery('e-mail - x')).toEqual({ required: [[word('e-mail')], [word('x')]], excluded: [] });
  });

  it('runs an unclosed quote to the end of the query', () => {
    expect(parseSearchQuery('spy "secret serv')).toEqual({ required: [[word('spy')], [phrase('secret serv')]], excluded: [] });
  });

  it('splits a word at a quote', () => {
    expect(parseSearchQuery('spy"ring"leader').required).toEqual([[word('spy')], [phrase('ring')], [word('leader')]]);
  });

  it('ignores tokens without a letter or digit', () => {
    expect(parseSearchQuery('!!! "" -- *** ¿? "  "')).toEqual({ required: [], excluded: [] });
    expect(parseSearchQuery('%'.repeat(500))).toEqual({ required: [], excluded: [] });
  });

  it('keeps SQL-looking text as plain words', () => {
    expect(parseSearchQuery("x' OR 1=1; --").required).toEqual([[word("x'"), word('1=1;')]]);
  });

  it('keeps only letters, digits, apostrophes and hyphens in a prefix', () => {
    expect(parseSearchQuery('o’bri\\en** (demo)*').required).toEqual([[prefix('o’brien')], [prefix('demo')]]);
    expect(parseSearchQuery('\\*').required).toEqual([]);
  });

  it('understands letters of any script', () => {
    expect(parseSearchQuery('Straße 東京* -café')).toEqual({ required: [[word('Straße')], [prefix('東京')]], excluded: [word('café')] });
  });

  it('counts terms', () => {
    expect(termCount(parseSearchQuery('a b OR c -d'))).toBe(4);
  });
});
