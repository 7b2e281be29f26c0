// What the middle column shows: the library in a view and order, or the
// results of a search. Both load rows a page at a time as the list scrolls.
import type { ArticleSummary, SearchHit } from '../api';

/** Rows of the library asked for at a time. */
export const PAGE_SIZE = 100;
/** Search hits asked for at a time: each comes with a passage to find. */
export const HIT_PAGE_SIZE = 40;
export const ROW_HEIGHT = 62;
export const HIT_HEIGHT = 96;
export const HEADER_HEIGHT = 30;

/** One row: an article, with the snippet when it is a search hit. */
export interface Row {
  article: ArticleSummary;
  hit?: SearchHit;
}

/** Pages of rows, loaded on demand, dropped when the list starts over. */
export class Pages {
  pages = $state.raw(new Map<number, Row[]>());
  private generation = 0;
  private inflight = new Set<number>();

  constructor(
    private load: (offset: number, limit: number) => Promise<Row[]>,
    readonly size = PAGE_SIZE,
  ) {}

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.size))?.[index % this.size];
  }

  /** Rows loaded so far, with their indexes. */
  *loaded(): Generator<[number, Row]> {
    for (const [p, rows] of this.pages) for (let i = 0; i < rows.length; i++) yield [p * this.size + i, rows[i]];
  }

  indexOf(id: number): number {
    for (const [i, r] of this.loaded()) if (r.article.id === id) return i;
    return -1;
  }

  reset(first?: Row[]): void {
    this.generation++;
    this.inflight.clear();
    this.pages = first ? new Map([[0, first]]) : new Map();
  }

  async ensure(pages: number[]): Promise<void> {
    await Promise.all(pages.filter((p) => !this.pages.has(p) && !this.inflight.has(p)).map((p) => this.fetch(p)));
  }

  private async fetch(p: number): Promise<void> {
    const gen = this.generation;
    this.inflight.add(p);
    try {
      const rows = await this.load(p * this.size, this.size);
      if (gen !== this.generation) return; // an older list's answer
      const next = new Map(this.pages);
      next.set(p, rows);
      this.pages = next;
    } finally {
      if (gen === this.generation) this.inflight.delete(p);
    }
  }
}
