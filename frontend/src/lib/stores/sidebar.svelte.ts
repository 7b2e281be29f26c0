// What the sidebar shows besides the search facets: the views with their
// counts, the tags, the saved searches and the timeline. Reloaded whenever
// the library changes.
import * as api from '../api';
import type { MonthCount, SavedSearch, TagCount, ViewCounts } from '../api';
import { toasts } from './toasts.svelte';

class Sidebar {
  counts = $state.raw<ViewCounts | null>(null);
  tags = $state.raw<TagCount[]>([]);
  saved = $state.raw<SavedSearch[]>([]);
  timeline = $state.raw<MonthCount[]>([]);

  async reload(): Promise<void> {
    const [counts, tags, saved, timeline] = await Promise.allSettled([
      api.viewCounts(),
      api.listTags(),
      api.savedSearches(),
      api.timeline(),
    ]);
    if (counts.status === 'fulfilled') this.counts = counts.value;
    if (tags.status === 'fulfilled') this.tags = tags.value;
    if (saved.status === 'fulfilled') this.saved = saved.value;
    if (timeline.status === 'fulfilled') this.timeline = timeline.value;
  }

  async saveSearch(name: string, query: string): Promise<boolean> {
    return this.act(() => api.saveSearch(name, query), `Saved “${name}”.`);
  }

  async renameSaved(id: number, name: string): Promise<boolean> {
    return this.act(() => api.renameSavedSearch(id, name));
  }

  async deleteSaved(s: SavedSearch): Promise<boolean> {
    return this.act(() => api.deleteSavedSearch(s.id), `Deleted the saved search “${s.name}”.`);
  }

  async moveSaved(id: number, delta: -1 | 1): Promise<boolean> {
    const ids = this.saved.map((s) => s.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return false;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    return this.act(() => api.reorderSavedSearches(ids));
  }

  async renameTag(t: TagCount, name: string): Promise<boolean> {
    const merging = this.tags.some((x) => x.id !== t.id && x.name.toLowerCase() === name.trim().toLowerCase());
    return this.act(() => api.renameTag(t.id, name), merging ? `Merged “${t.name}” into “${name}”.` : undefined);
  }

  /** Renames a parent that exists only through its children: every tag below it moves. */
  async renameBranch(path: string, name: string): Promise<boolean> {
    const to = name.trim().replace(/\/+$/, '');
    const below = this.tags.filter((t) => t.name.toLowerCase().startsWith(`${path.toLowerCase()}/`));
    if (!to || below.length === 0) return false;
    return this.act(async () => {
      for (const t of below) await api.renameTag(t.id, to + t.name.slice(path.length));
    }, `Renamed “${path}” to “${to}” (${below.length === 1 ? '1 tag' : `${below.length} tags`}).`);
  }

  async deleteTag(t: TagCount): Promise<boolean> {
    return this.act(() => api.deleteTag(t.id), `Deleted the tag “${t.name}”; its articles stay.`);
  }

  async setTagColor(t: TagCount, color: string): Promise<boolean> {
    return this.act(() => api.setTagColor(t.id, color));
  }

  private async act(fn: () => Promise<unknown>, done?: string): Promise<boolean> {
    try {
      await fn();
      if (done) toasts.show(done);
      await this.reload();
      return true;
    } catch (err) {
      toasts.error(api.errorMessage(err));
      return false;
    }
  }
}

export const sidebar = new Sidebar();
