// The library list: which view and order, how many rows, and the pages of
// rows loaded so far. The list asks for pages; it never loads everything.
import * as api from '../api';
import type { ArticleSummary } from '../api';

export const PAGE_SIZE = 100;

class Library {
  view = $state('');
  sort = $state('newest');
  total = $state(0);
  loaded = $state(false);
  error = $state('');
  /** Loaded pages by page number; replaced, never mutated, so views update. */
  pages = $state.raw(new Map<number, ArticleSummary[]>());
  selectedId = $state<number | null>(null);

  private generation = 0;
  private inflight = new Set<string>();

  /** The row at an index, or undefined while its page loads. */
  row(index: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Index of an article among the loaded rows, or -1. */
  indexOf(id: number): number {
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * PAGE_SIZE + i;
    }
    return -1;
  }

  /** Starts over: after an import, a change of view or order. */
  async reload(): Promise<void> {
    this.generation++;
    this.inflight.clear();
    this.pages = new Map();
    await this.loadPage(0);
    this.loaded = true;
  }

  async setView(view: string): Promise<void> {
    this.view = view;
    await this.reload();
  }

  async setSort(sort: string): Promise<void> {
    this.sort = sort;
    await this.reload();
  }

  /** Loads the pages that hold rows [first, last) unless already there. */
  async ensure(pages: number[]): Promise<void> {
    await Promise.all(pages.filter((p) => !this.pages.has(p)).map((p) => this.loadPage(p)));
  }

  private async loadPage(p: number): Promise<void> {
    const gen = this.generation;
    const key = `${gen}:${p}`;
    if (this.inflight.has(key)) return;
    this.inflight.add(key);
    try {
      const page = await api.listArticles({ view: this.view, sort: this.sort, offset: p * PAGE_SIZE, limit: PAGE_SIZE });
      if (gen !== this.generation) return; // an older list's answer
      const next = new Map(this.pages);
      next.set(p, page.articles);
      this.pages = next;
      this.total = page.total;
      this.error = '';
    } catch (err) {
      if (gen === this.generation) this.error = api.errorMessage(err);
    } finally {
      this.inflight.delete(key);
    }
  }
}

export const library = new Library();
