import { describe, expect, it } from 'vitest';
import { GroupedLayout, flatLayout, pagesFor } from './groups';

describe('GroupedLayout', () => {
  const layout = new GroupedLayout(
    [
      { label: 'September 2023', count: 2 },
      { label: 'August 2023', count: 3 },
    ],
    50,
    20,
  );

  it('sizes the whole list', () => {
    expect(layout.total).toBe(5);
    expect(layout.height).toBe(20 + 100 + 20 + 150);
  });

  it('places rows under their headers', () => {
    expect(layout.rowTop(0)).toBe(20);
    expect(layout.rowTop(1)).toBe(70);
    expect(layout.rowTop(2)).toBe(140);
    expect(layout.groupOfRow(4)).toBe(1);
  });

  it('lists what a viewport shows', () => {
    const items = layout.itemsBetween(60, 160).map((i) => (i.kind === 'header' ? `H${i.group}` : `R${i.index}`));
    expect(items).toEqual(['R0', 'R1', 'H1', 'R2']);
  });

  it('handles an empty list and a flat one', () => {
    expect(new GroupedLayout([], 50, 20).itemsBetween(0, 500)).toEqual([]);
    const flat = flatLayout(100_000, 62);
    expect(flat.height).toBe(6_200_000);
    const items = flat.itemsBetween(62 * 50_000, 62 * 50_000 + 124);
    expect(items.map((i) => (i.kind === 'row' ? i.index : -1))).toEqual([50_000, 50_001]);
  });
});

describe('pagesFor', () => {
  it('lists every page the rows touch', () => {
    expect(pagesFor(0, 10, 100)).toEqual([0]);
    expect(pagesFor(95, 205, 100)).toEqual([0, 1, 2]);
    expect(pagesFor(200, 200, 100)).toEqual([]);
  });
});
