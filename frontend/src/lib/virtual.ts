// Arithmetic for the virtualized list: which rows are on screen and which
// pages of rows to ask Go for. Kept free of the DOM so it can be tested.

export interface Window {
  first: number; // first row to render
  last: number; // one past the last row to render
  offsetTop: number; // pixels above the first rendered row
}

/** The rows to render for a scroll position, with overscan rows each side. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): Window {
  if (total <= 0 || rowHeight <= 0) return { first: 0, last: 0, offsetTop: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last, offsetTop: first * rowHeight };
}

/** The page numbers that hold rows [first, last). */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last <= first) return [];
  const pages: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor((last - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/** The scrollTop that brings a row into view, or null when it already is. */
export function scrollToShow(row: number, scrollTop: number, viewport: number, rowHeight: number): number | null {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
