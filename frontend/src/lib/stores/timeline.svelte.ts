// The story timeline: the open article's versions and related articles on
// a time axis, or a search's articles grouped by week.
import * as api from '../api';
import type { ArticleSummary, SearchTimeline } from '../api';
import { reader } from './reader.svelte';

/** One article on an article's timeline, with why it is there. */
export interface StoryPoint {
  article: ArticleSummary;
  role: 'this article' | 'version' | 'related';
}

class Timeline {
  kind = $state<'article' | 'search' | null>(null);
  search = $state.raw<SearchTimeline | null>(null);
  query = $state('');
  error = $state('');

  /** The open article, its versions and its related articles, oldest first; undated ones last. */
  get points(): StoryPoint[] {
    const a = reader.article;
    if (!a) return [];
    const byId = new Map<number, StoryPoint>();
    for (const v of reader.versions) byId.set(v.id, { article: v, role: v.id === a.id ? 'this article' : 'version' });
    for (const r of reader.related) if (!byId.has(r.article.id)) byId.set(r.article.id, { article: r.article, role: 'related' });
    return [...byId.values()].sort((x, y) => byDate(x.article, y.article));
  }

  showArticle(): void {
    this.kind = 'article';
  }

  async showSearch(query: string): Promise<void> {
    this.kind = 'search';
    this.query = query;
    this.search = null;
    this.error = '';
    try {
      const t = await api.searchTimeline(query);
      if (this.query === query) this.search = t;
    } catch (err) {
      this.error = api.errorMessage(err);
    }
  }

  close(): void {
    this.kind = null;
  }
}

function byDate(x: ArticleSummary, y: ArticleSummary): number {
  if (!x.published !== !y.published) return x.published ? -1 : 1;
  return x.published.localeCompare(y.published) || x.id - y.id;
}

export const timeline = new Timeline();
