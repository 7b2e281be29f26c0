// The search box and its results. Results update as the person types
// (debounced); an older query's answer never overwrites a newer one's.
import * as api from '../api';
import type { SearchResult } from '../api';
import { flatLayout } from '../groups';
import { HIT_HEIGHT, HIT_PAGE_SIZE, Pages } from './list.svelte';

const DEBOUNCE_MS = 150;

class Search {
  query = $state('');
  sort = $state('relevance');
  result = $state.raw<SearchResult | null>(null);
  loading = $state(false);
  error = $state('');
  readonly rows = new Pages(async (offset, limit) => {
    const r = await api.search({ query: this.ran, sort: this.sort, offset, limit, typing: this.ranTyping });
    return r.hits.map((hit) => ({ article: hit.article, hit }));
  }, HIT_PAGE_SIZE);
  private ran = '';
  private ranTyping = false;
  private remembered: string | null = null;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: Promise<void> = Promise.resolve();

  get active(): boolean {
    return this.query.trim() !== '';
  }

  get total(): number {
    return this.result?.total ?? 0;
  }

  get layout() {
    return flatLayout(this.total, HIT_HEIGHT);
  }

  /** Sets the box's text and searches after a short pause. */
  set(query: string, immediately = false): void {
    this.query = query;
    clearTimeout(this.timer);
    if (!this.active) {
      this.remember('');
      this.seq++;
      this.result = null;
      this.loading = false;
      return;
    }
    if (immediately) this.run();
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.run(true);
      }, DEBOUNCE_MS);
  }

  setSort(sort: string): void {
    this.sort = sort;
    if (this.active) this.run();
  }

  /**
   * Runs the query now; a newer run makes this one's answer moot. While
   * the person is typing, the word at the end is searched as a prefix
   * ("econ" finds economy); Enter searches the words as they are.
   */
  run(typing = false): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = this.execute(typing);
    return this.latest;
  }

  /** Waits for the results of what the box holds, running it now if it waits for a pause in the typing. */
  settle(): Promise<void> {
    return this.timer !== undefined ? this.run(true) : this.latest;
  }

  private async execute(typing: boolean): Promise<void> {
    const my = ++this.seq;
    const query = this.query;
    this.remember(query);
    this.loading = true;
    try {
      this.ran = query;
      this.ranTyping = typing;
      const r = await api.search({ query, sort: this.sort, offset: 0, limit: HIT_PAGE_SIZE, typing });
      if (my !== this.seq) return;
      this.rows.reset(r.hits.map((hit) => ({ article: hit.article, hit })));
      this.result = r;
      this.error = '';
    } catch (err) {
      if (my === this.seq) this.error = api.errorMessage(err);
    } finally {
      if (my === this.seq) this.loading = false;
    }
  }

  /** Keeps the query for the next start; saved when it runs, not at every keystroke. */
  private remember(query: string): void {
    if (query === this.remembered) return;
    this.remembered = query;
    api.setSetting('lastQuery', query).catch(() => {});
  }

  /** Runs the same query again after the library changed. */
  refresh(): void {
    if (this.active) this.run();
  }
}

export const search = new Search();
