import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, plural, readingTime } from './format';

describe('formatDate', () => {
  it('shows day, short month and year', () => {
    expect(formatDate('2023-09-15')).toBe('15 Sep 2023');
    expect(formatDate('2001-01-01')).toBe('1 Jan 2001');
  });
  it('says when there is no date', () => {
    expect(formatDate('')).toBe('No date');
  });
});

describe('formatMonth', () => {
  it('names the month', () => {
    expect(formatMonth('2023-09')).toBe('September 2023');
    expect(formatMonth('')).toBe('No date');
  });
});

describe('readingTime', () => {
  it('rounds to minutes, at least one', () => {
    expect(readingTime(0)).toBe('1 min read');
    expect(readingTime(460)).toBe('2 min read');
    expect(readingTime(1000)).toBe('4 min read');
  });
});

describe('plural', () => {
  it('picks the form and groups digits', () => {
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2124, 'article')).toBe('2,124 articles');
    expect(plural(2, 'duplicate')).toBe('2 duplicates');
  });
});
