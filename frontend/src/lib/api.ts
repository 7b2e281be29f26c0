// The one module that talks to Go. In the desktop window the generated
// Wails bindings reach Go directly; in the browser mode a bridge script
// gives the page the same objects over HTTP. Stores call this module;
// nothing else imports the bindings.
import * as App from '../../wailsjs/go/app/App';
import { EventsOn, OnFileDrop, OnFileDropOff, BrowserOpenURL } from '../../wailsjs/runtime/runtime';
import { app, db } from '../../wailsjs/go/models';
import type { importer } from '../../wailsjs/go/models';

export type Article = db.Article;
export type Facets = db.Facets;
export type ArticleSummary = db.ArticleSummary;
export type ArticlePage = db.ArticlePage;
export type TagRef = db.TagRef;
export type ImportReport = importer.Report;
export type ImportResult = importer.Result;
export type ImportOptions = app.ImportOptions;
export type AppInfo = app.Info;

/** Sent by Go while an import runs (event "import:progress"). */
export interface ImportProgress {
  imported: number;
  updated: number;
  duplicates: number;
  skipped: number;
  failed: number;
  filesDone: number;
  filesTotal: number;
  perSecond: number;
}

export interface ListParams {
  view: string;
  sort: string;
  offset: number;
  limit: number;
}

/** True when the page runs in a normal browser (folio serve), not the window. */
export const browserMode = (): boolean =>
  Reflect.get(window, 'folioBrowserMode') === true;

/** Turns whatever a failed call rejected with into a sentence for a person. */
export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

export const info = (): Promise<AppInfo> => App.Info();

export const listArticles = (p: ListParams): Promise<ArticlePage> =>
  App.ListArticles(app.ListParams.createFrom(p));

export const getArticle = (id: number): Promise<Article> => App.GetArticle(id);

/** The article with some of its fields changed, as the reader shows it after a change. */
export const articleWith = (a: Article, change: Partial<Article>): Article => db.Article.createFrom({ ...a, ...change });

const noOptions = (): ImportOptions => app.ImportOptions.createFrom({ folderTags: false, tags: [] });

export const importPaths = (paths: string[], opts: ImportOptions = noOptions()): Promise<ImportReport> =>
  App.ImportPaths(paths, opts);

export const chooseFilesToImport = (opts: ImportOptions = noOptions()): Promise<ImportReport> =>
  App.ChooseFilesToImport(opts);

export const chooseFolderToImport = (opts: ImportOptions = noOptions()): Promise<ImportReport> =>
  App.ChooseFolderToImport(opts);

export const cancelImport = (): Promise<void> => App.CancelImport();

/**
 * The most bytes of files one browser-mode import sends (app.MaxUploadTotal
 * in Go, which refuses more; a Go test keeps the two equal). Checked here
 * first, so a large drop is refused in words before it travels.
 */
export const maxUploadMB = 64;

/** Sends files picked or dropped in a browser; their contents travel, not paths. */
export async function importFiles(files: File[], opts: ImportOptions = noOptions()): Promise<ImportReport> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > maxUploadMB * 1024 * 1024) {
    throw new Error(
      `These files are ${Math.ceil(total / 1024 / 1024)} MB together, over the ${maxUploadMB} MB one import can send; import fewer at a time, or from disk with folio import.`,
    );
  }
  const uploads = await Promise.all(
    files.map(async (f) => app.Upload.createFrom({ name: f.webkitRelativePath || f.name, base64: await toBase64(f) })),
  );
  return App.ImportUploads(uploads, opts);
}

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Subscribes to an event from Go; returns the unsubscribe function. */
export function onEvent<T>(name: string, cb: (data: T) => void): () => void {
  return EventsOn(name, (data: T) => cb(data));
}

/** In the window, files dropped anywhere arrive as paths read by Go. */
export function onFileDrop(cb: (paths: string[]) => void): () => void {
  OnFileDrop((_x: number, _y: number, paths: string[]) => cb(paths), false);
  return () => OnFileDropOff();
}

/** Opens a link in the system browser, never inside the app. */
export const openExternal = (url: string): void => BrowserOpenURL(url);

// ---- Search ----
export type SearchResult = db.SearchResult;
export type SearchHit = db.SearchHit;
export type FacetCount = db.FacetCount;
export type MatchRanges = db.MatchRanges;

export interface SearchParams {
  query: string;
  sort: string;
  offset: number;
  limit: number;
  /** The last word is still being typed: search it as a prefix. */
  typing?: boolean;
}

export const search = (p: SearchParams): Promise<SearchResult> => App.Search(app.SearchParams.createFrom(p));

export const matchRanges = (articleId: number, query: string): Promise<MatchRanges> => App.MatchRanges(articleId, query);

// ---- Related articles ----
export type RelatedArticle = db.RelatedArticle;

/** The articles most like one, with the words they share; limit 0 means the default. */
export const relatedArticles = (articleId: number, limit = 0): Promise<RelatedArticle[]> =>
  App.RelatedArticles(articleId, limit);

// ---- Versions of a story ----
export type DiffPart = db.DiffPart;

/** The versions of an article's story, the first imported first. */
export const articleVersions = (articleId: number): Promise<ArticleSummary[]> => App.ArticleVersions(articleId);

// ---- Story timelines ----
export type SearchTimeline = db.SearchTimeline;
export type WeekCount = db.WeekCount;

/** A search's articles grouped by week, the best-ranked named. */
export const searchTimeline = (query: string): Promise<SearchTimeline> => App.SearchTimeline(query);

/** What changed from one version to another, word by word. */
export const versionDiff = (fromId: number, toId: number): Promise<DiffPart[]> => App.VersionDiff(fromId, toId);

// ---- Reading and annotations ----
export type Annotation = db.Annotation;
export type AnnotationPage = db.AnnotationPage;

export const articleAnnotations = (articleId: number): Promise<Annotation[]> => App.ArticleAnnotations(articleId);

export const addHighlight = (articleId: number, start: number, end: number, color: string, note = ''): Promise<Annotation> =>
  App.AddHighlight(app.HighlightParams.createFrom({ articleId, start, end, color, note }));

export const addNote = (articleId: number, note: string): Promise<Annotation> => App.AddNote(articleId, note);
export const setAnnotationColor = (id: number, color: string): Promise<Annotation> => App.SetAnnotationColor(id, color);
export const setAnnotationNote = (id: number, note: string): Promise<Annotation> => App.SetAnnotationNote(id, note);
export const deleteAnnotation = (id: number): Promise<Annotation> => App.DeleteAnnotation(id);
export const restoreAnnotation = (a: Annotation): Promise<Annotation> => App.RestoreAnnotation(a);

export interface AnnotationFilter {
  color: string;
  tag: string;
  text: string;
  kind: string;
  offset: number;
  limit: number;
}

export const listAnnotations = (f: AnnotationFilter): Promise<AnnotationPage> =>
  App.ListAnnotations(db.AnnotationFilter.createFrom(f));

export const setProgress = (id: number, progress: number): Promise<void> => App.SetProgress(id, progress);
export const setRead = (ids: number[], read: boolean): Promise<void> => App.SetRead(ids, read);
export const setStarred = (ids: number[], starred: boolean): Promise<void> => App.SetStarred(ids, starred);

export interface ExportParams {
  format: 'md' | 'json';
  articleIds: number[];
}

export const exportAnnotations = (p: ExportParams): Promise<string> => App.ExportAnnotations(app.ExportParams.createFrom(p));
export const saveAnnotationsExport = (p: ExportParams): Promise<string> =>
  App.SaveAnnotationsExport(app.ExportParams.createFrom(p));

// ---- Organizing ----
export type TagCount = db.TagCount;
export type ViewCounts = db.ViewCounts;
export type MonthCount = db.MonthCount;
export type SavedSearch = db.SavedSearch;
export type LibraryInfo = db.LibraryInfo;

export const listTags = (): Promise<TagCount[]> => App.ListTags();
export const addTags = (ids: number[], names: string[]): Promise<void> => App.AddTags(ids, names);
export const removeTags = (ids: number[], names: string[]): Promise<void> => App.RemoveTags(ids, names);
export const renameTag = (id: number, name: string): Promise<TagCount> => App.RenameTag(id, name);
export const deleteTag = (id: number): Promise<void> => App.DeleteTag(id);
export const setTagColor = (id: number, color: string): Promise<void> => App.SetTagColor(id, color);
export const trashArticles = (ids: number[]): Promise<void> => App.TrashArticles(ids);
export const restoreArticles = (ids: number[]): Promise<void> => App.RestoreArticles(ids);
export const emptyTrash = (): Promise<number> => App.EmptyTrash();
export const deleteTrashed = (ids: number[]): Promise<number> => App.DeleteTrashed(ids);
export const viewCounts = (): Promise<ViewCounts> => App.ViewCounts();
export const monthGroups = (view: string, sort: string): Promise<MonthCount[]> => App.MonthGroups(view, sort);
export const timeline = (): Promise<MonthCount[]> => App.Timeline();
export const savedSearches = (): Promise<SavedSearch[]> => App.SavedSearches();
export const saveSearch = (name: string, query: string): Promise<SavedSearch> => App.SaveSearch(name, query);
export const renameSavedSearch = (id: number, name: string): Promise<SavedSearch> => App.RenameSavedSearch(id, name);
export const deleteSavedSearch = (id: number): Promise<void> => App.DeleteSavedSearch(id);
export const reorderSavedSearches = (ids: number[]): Promise<void> => App.ReorderSavedSearches(ids);
export const settings = (): Promise<Record<string, string>> => App.Settings();
export const setSetting = (key: string, value: string): Promise<void> => App.SetSetting(key, value);
export const backupLibrary = (): Promise<string> => App.BackupLibrary();
export const restoreLibrary = (): Promise<LibraryInfo> => App.RestoreLibrary();

// ---- Names: people, organisations, places ----
export type NameCount = db.NameCount;
export type NameDetail = db.NameDetail;
export type NamesProgress = db.NamesProgress;
export type NameKind = 'person' | 'org' | 'place';

export const listNames = (kind: NameKind | '', query: string, limit: number): Promise<NameCount[]> =>
  App.ListNames(kind, query, limit);
export const nameDetail = (id: number): Promise<NameDetail> => App.NameDetail(id);
export const renameName = (id: number, name: string): Promise<NameCount> => App.RenameName(id, name);
export const mergeNames = (into: number, ids: number[]): Promise<NameCount> => App.MergeNames(into, ids);
export const hideName = (id: number, hidden: boolean): Promise<NameCount> => App.HideName(id, hidden);
export const namesProgress = (): Promise<NamesProgress> => App.NamesProgress();
export const articleNames = (id: number): Promise<NameCount[]> => App.ArticleNames(id);

/** Every article id of a view (query "") or a search, for select-all. */
export const articleIDs = (view: string, query: string): Promise<number[]> => App.ArticleIDs(view, query);
