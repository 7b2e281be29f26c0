import { describe, expect, it } from 'vitest';
import { keyOf, quoteValue, replaceFilter, terms, toggleFilter, withDateRange, withFilter, without } from './query';

describe('terms', () => {
  it('keeps quoted parts whole', () => {
    expect(terms('putin "three-way cooperation" tag:"middle east" -x')).toEqual([
      'putin',
      '"three-way cooperation"',
      'tag:"middle east"',
      '-x',
    ]);
  });
  it('survives an unbalanced quote', () => {
    expect(terms('a "b c')).toEqual(['a', '"b c']);
  });
});

describe('filters', () => {
  it('adds a filter once, quoting when needed', () => {
    expect(withFilter('diesel', 'tag', 'energy')).toBe('diesel tag:energy');
    expect(withFilter('diesel tag:energy', 'tag', 'energy')).toBe('diesel tag:energy');
    expect(withFilter('', 'source', 'Associated Press')).toBe('source:"Associated Press"');
    expect(quoteValue('region/russia')).toBe('region/russia');
  });
  it('replaces filters of a key', () => {
    expect(replaceFilter('x tag:a tag:b', 'tag', 'c')).toBe('x tag:c');
  });
  it('writes a date range over older date filters', () => {
    expect(withDateRange('x date:2023 after:2001-01', '2023-01', '2023-06')).toBe('x after:2023-01 before:2023-06');
  });
  it('knows keys and words', () => {
    expect(keyOf('-tag:x')).toBe('tag');
    expect(keyOf('word')).toBe('');
    expect(without('a tag:x b', (t) => keyOf(t) === 'tag')).toBe('a b');
  });
});

describe('toggleFilter', () => {
  it('adds a filter, and takes it away the second time', () => {
    const on = toggleFilter('diesel', 'tag', 'middle east');
    expect(on).toBe('diesel tag:"middle east"');
    expect(toggleFilter(on, 'tag', 'middle east')).toBe('diesel');
    expect(toggleFilter('diesel tag:energy', 'source', 'Reuters')).toBe('diesel tag:energy source:Reuters');
  });
});
