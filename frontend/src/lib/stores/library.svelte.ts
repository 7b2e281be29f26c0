// The library list: a view (All, Unread, Starred, Annotated, Trash) in an
// order, grouped by month when sorted by date.
import * as api from '../api';
import { GroupedLayout, flatLayout } from '../groups';
import { formatMonth } from '../format';
import { HEADER_HEIGHT, PAGE_SIZE, Pages, ROW_HEIGHT } from './list.svelte';

class Library {
  view = $state('');
  sort = $state('newest');
  total = $state(0);
  loaded = $state(false);
  error = $state('');
  layout = $state.raw<GroupedLayout>(flatLayout(0, ROW_HEIGHT));
  readonly rows = new Pages(async (offset, limit) => {
    const page = await api.listArticles({ view: this.view, sort: this.sort, offset, limit });
    this.total = page.total;
    return page.articles.map((article) => ({ article }));
  });

  /** Starts over: after an import, a change of view or order. */
  async reload(): Promise<void> {
    try {
      const [page, months] = await Promise.all([
        api.listArticles({ view: this.view, sort: this.sort, offset: 0, limit: PAGE_SIZE }),
        this.sort === 'title' ? Promise.resolve([]) : api.monthGroups(this.view, this.sort),
      ]);
      this.rows.reset(page.articles.map((article) => ({ article })));
      this.total = page.total;
      this.layout =
        months.length > 0
          ? new GroupedLayout(
              months.map((m) => ({ label: m.month ? formatMonth(m.month) : 'No date', count: m.count })),
              ROW_HEIGHT,
              HEADER_HEIGHT,
            )
          : flatLayout(page.total, ROW_HEIGHT);
      this.error = '';
    } catch (err) {
      this.error = api.errorMessage(err);
    }
    this.loaded = true;
  }

  async setView(view: string): Promise<void> {
    this.view = view;
    await this.reload();
  }

  async setSort(sort: string): Promise<void> {
    this.sort = sort;
    api.setSetting('listSort', sort).catch(() => {});
    await this.reload();
  }
}

export const library = new Library();
