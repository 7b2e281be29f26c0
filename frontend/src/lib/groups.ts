// Layout of a virtualized list whose rows are grouped under headers (months
// when the library is sorted by date). Rows and headers have fixed heights,
// so positions are arithmetic over the group sizes: no row is measured and
// the list never needs every row loaded.

export interface Group {
  label: string;
  count: number;
}

export type Item =
  | { kind: 'header'; group: number; label: string; count: number; top: number }
  | { kind: 'row'; index: number; top: number };

export class GroupedLayout {
  private starts: number[] = []; // first row index of each group
  private tops: number[] = []; // pixel top of each group's header
  readonly height: number;
  readonly total: number;

  constructor(
    readonly groups: Group[],
    readonly rowHeight: number,
    readonly headerHeight: number,
  ) {
    let row = 0;
    let top = 0;
    for (const g of groups) {
      this.starts.push(row);
      this.tops.push(top);
      row += g.count;
      top += headerHeight + g.count * rowHeight;
    }
    this.total = row;
    this.height = top;
  }

  /** The group holding a row. */
  groupOfRow(index: number): number {
    return upperBound(this.starts, index) - 1;
  }

  /** Pixel top of a row. */
  rowTop(index: number): number {
    const g = this.groupOfRow(index);
    if (g < 0) return index * this.rowHeight;
    return this.tops[g] + this.headerHeight + (index - this.starts[g]) * this.rowHeight;
  }

  /** Headers and rows that intersect [top, bottom), in order. */
  itemsBetween(top: number, bottom: number): Item[] {
    const items: Item[] = [];
    if (this.groups.length === 0) return items;
    let g = Math.max(0, upperBound(this.tops, top) - 1);
    for (; g < this.groups.length && this.tops[g] < bottom; g++) {
      const gTop = this.tops[g];
      if (gTop + this.headerHeight > top) {
        items.push({ kind: 'header', group: g, label: this.groups[g].label, count: this.groups[g].count, top: gTop });
      }
      const first = Math.max(0, Math.floor((top - gTop - this.headerHeight) / this.rowHeight));
      const last = Math.min(this.groups[g].count, Math.ceil((bottom - gTop - this.headerHeight) / this.rowHeight));
      for (let r = first; r < last; r++) {
        items.push({ kind: 'row', index: this.starts[g] + r, top: gTop + this.headerHeight + r * this.rowHeight });
      }
    }
    return items;
  }
}

/** The first index whose value is greater than x (values ascending). */
function upperBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One ungrouped block, for lists without headers. */
export function flatLayout(total: number, rowHeight: number): GroupedLayout {
  return new GroupedLayout(total > 0 ? [{ label: '', count: total }] : [], rowHeight, 0);
}

/** The page numbers that hold rows [first, last). */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last <= first) return [];
  const pages: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor((last - 1) / pageSize); p++) pages.push(p);
  return pages;
}
