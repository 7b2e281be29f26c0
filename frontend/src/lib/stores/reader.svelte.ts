// The article open in the reader, its highlights and notes, the search
// matches to mark in it, and what the person does there.
import * as api from '../api';
import type { Annotation, Article, ArticleSummary, DiffPart, MatchRanges, RelatedArticle } from '../api';
import type { Span } from '../textmap';
import { toasts } from './toasts.svelte';
import { panes } from './panes.svelte';

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

class Reader {
  article = $state.raw<Article | null>(null);
  annotations = $state.raw<Annotation[]>([]);
  matches = $state.raw<MatchRanges | null>(null);
  /** The query the article was opened from; its matches are marked. */
  query = $state('');
  currentMatch = $state(0);
  /** The body span the person has selected, ready to highlight. */
  selection = $state.raw<Span | null>(null);
  /** The annotation to bring into view in the side panel. */
  focused = $state<number | null>(null);
  lastColor = $state<Color>('yellow');
  /** The articles most like the open one; loaded after it opens. */
  related = $state.raw<RelatedArticle[]>([]);
  relatedLoading = $state(false);
  relatedError = $state('');
  /** The versions of the open article's story (itself alone when it has none). */
  versions = $state.raw<ArticleSummary[]>([]);
  /** What the open version changed from the one before, while shown. */
  diff = $state.raw<DiffPart[] | null>(null);
  /** The side panel shows when the article has annotations, unless the person chose otherwise. */
  panelOpen = $state(false);
  private panelChosen = false;
  error = $state('');
  private opening = 0;

  get highlights(): Annotation[] {
    return this.annotations.filter((a) => a.kind === 'highlight' && !a.orphaned);
  }

  get orphans(): Annotation[] {
    return this.annotations.filter((a) => a.kind === 'highlight' && a.orphaned);
  }

  get notes(): Annotation[] {
    return this.annotations.filter((a) => a.kind === 'note');
  }

  get matchCount(): number {
    return this.matches?.body.length ?? 0;
  }

  async open(id: number, query = ''): Promise<void> {
    const ticket = ++this.opening;
    try {
      const [article, annotations, matches, versions] = await Promise.all([
        api.getArticle(id),
        api.articleAnnotations(id),
        query.trim() ? api.matchRanges(id, query) : Promise.resolve(null),
        api.articleVersions(id),
      ]);
      if (ticket !== this.opening) return; // a later click won
      this.article = article;
      this.versions = versions;
      this.diff = null;
      this.annotations = annotations;
      if (!this.panelChosen) this.panelOpen = annotations.length > 0;
      this.matches = matches;
      this.query = query;
      this.currentMatch = 0;
      this.selection = null;
      this.focused = null;
      this.error = '';
    } catch (err) {
      if (ticket === this.opening) this.error = api.errorMessage(err);
      return;
    }
    await this.loadRelated(id, ticket);
  }

  /** Reads the related articles after the article shows, so they never delay it. */
  private async loadRelated(id: number, ticket: number): Promise<void> {
    this.related = [];
    this.relatedError = '';
    this.relatedLoading = true;
    try {
      const related = await api.relatedArticles(id);
      if (ticket !== this.opening) return;
      this.related = related;
      // On a small window the panel would push the list away: the
      // related articles wait for the person to open it.
      if (!this.panelChosen && related.length > 0 && panes.roomForNotes()) this.panelOpen = true;
    } catch (err) {
      if (ticket === this.opening) this.relatedError = api.errorMessage(err);
    } finally {
      if (ticket === this.opening) this.relatedLoading = false;
    }
  }

  /** The version before the open one, if any. */
  get previousVersion(): ArticleSummary | null {
    const i = this.versions.findIndex((v) => v.id === this.article?.id);
    return i > 0 ? this.versions[i - 1] : null;
  }

  /** Shows (or hides) what the open version changed from the one before. */
  async toggleDiff(): Promise<void> {
    const prev = this.previousVersion;
    if (this.diff || !prev || !this.article) {
      this.diff = null;
      return;
    }
    const id = this.article.id;
    const diff = await this.run(() => api.versionDiff(prev.id, id));
    if (this.article?.id === id) this.diff = diff;
  }

  /** Reads the open article again (tags, read, starred) after the library changed; its text stays drawn. */
  async refreshArticle(): Promise<void> {
    const id = this.article?.id;
    if (id === undefined) return;
    try {
      const fresh = await api.getArticle(id);
      if (this.article?.id === id) this.article = fresh;
    } catch {
      // Deleted for good meanwhile: the reader closes with the list's next step.
    }
  }

  togglePanel(): void {
    this.panelOpen = !this.panelOpen;
    this.panelChosen = true;
  }

  close(): void {
    this.opening++;
    this.article = null;
    this.annotations = [];
    this.matches = null;
    this.selection = null;
    this.related = [];
    this.versions = [];
    this.diff = null;
  }

  /** Forgets the search the article was opened from: its matches are no longer marked. */
  clearMatches(): void {
    this.matches = null;
    this.query = '';
    this.currentMatch = 0;
  }

  /** Moves to the next (+1) or previous (-1) search match, wrapping round. */
  stepMatch(direction: 1 | -1): void {
    const n = this.matchCount;
    if (n > 0) this.currentMatch = (this.currentMatch + direction + n) % n;
  }

  async refreshAnnotations(): Promise<void> {
    if (!this.article) return;
    this.annotations = await api.articleAnnotations(this.article.id);
  }

  /** Highlights the current selection (or the given span) in a colour. */
  async highlight(color: Color = this.lastColor, note = ''): Promise<Annotation | null> {
    const span = this.selection;
    if (!this.article || !span) return null;
    this.lastColor = color;
    return this.run(async () => {
      const a = await api.addHighlight(this.article!.id, span.start, span.end, color, note);
      this.selection = null;
      window.getSelection()?.removeAllRanges();
      await this.refreshAnnotations();
      this.panelOpen = true;
      this.focused = a.id;
      return a;
    });
  }

  setColor(id: number, color: Color) {
    this.lastColor = color;
    return this.run(async () => {
      await api.setAnnotationColor(id, color);
      await this.refreshAnnotations();
    });
  }

  setNote(id: number, note: string) {
    return this.run(async () => {
      await api.setAnnotationNote(id, note);
      await this.refreshAnnotations();
    });
  }

  addNote(note: string) {
    if (!this.article || !note.trim()) return Promise.resolve(null);
    return this.run(async () => {
      const a = await api.addNote(this.article!.id, note);
      await this.refreshAnnotations();
      return a;
    });
  }

  /** Deletes an annotation, offering Undo for a while. */
  remove(id: number) {
    return this.run(async () => {
      const gone = await api.deleteAnnotation(id);
      await this.refreshAnnotations();
      const what = gone.kind === 'note' ? 'Note' : 'Highlight';
      toasts.show(`${what} deleted.`, {
        undo: () =>
          this.run(async () => {
            await api.restoreAnnotation(gone);
            await this.refreshAnnotations();
          }),
      });
    });
  }

  async toggleStar(): Promise<void> {
    const a = this.article;
    if (!a) return;
    await this.run(() => api.setStarred([a.id], !a.starred));
    this.article = api.articleWith(a, { starred: !a.starred });
  }

  async setRead(read: boolean): Promise<void> {
    const a = this.article;
    if (!a || a.read === read) return;
    await this.run(() => api.setRead([a.id], read));
    this.article = api.articleWith(a, { read });
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  /** Remembers how far the person has read; reaching the end marks it read. */
  saveProgress(progress: number): void {
    const a = this.article;
    if (!a) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => api.setProgress(a.id, progress).catch(() => {}), 400);
    if (progress >= 0.98 && !a.read) this.setRead(true);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (err) {
      toasts.error(api.errorMessage(err));
      return null;
    }
  }
}

export const reader = new Reader();
