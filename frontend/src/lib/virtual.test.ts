import { describe, expect, it } from 'vitest';
import { pagesFor, scrollToShow, visibleRows } from './virtual';

describe('visibleRows', () => {
  it('renders the rows on screen plus overscan', () => {
    expect(visibleRows(0, 580, 58, 100_000, 5)).toEqual({ first: 0, last: 15, offsetTop: 0 });
    expect(visibleRows(58 * 1000, 580, 58, 100_000, 5)).toEqual({ first: 995, last: 1015, offsetTop: 995 * 58 });
  });
  it('stops at the end of the list', () => {
    expect(visibleRows(58 * 99_995, 580, 58, 100_000, 5).last).toBe(100_000);
  });
  it('renders nothing for an empty list', () => {
    expect(visibleRows(0, 500, 58, 0)).toEqual({ first: 0, last: 0, offsetTop: 0 });
  });
});

describe('pagesFor', () => {
  it('lists every page the rows touch', () => {
    expect(pagesFor(0, 10, 100)).toEqual([0]);
    expect(pagesFor(95, 205, 100)).toEqual([0, 1, 2]);
    expect(pagesFor(200, 200, 100)).toEqual([]);
  });
});

describe('scrollToShow', () => {
  it('scrolls up or down just enough', () => {
    expect(scrollToShow(0, 100, 300, 50)).toBe(0);
    expect(scrollToShow(10, 0, 300, 50)).toBe(250);
    expect(scrollToShow(3, 0, 300, 50)).toBeNull();
  });
});
